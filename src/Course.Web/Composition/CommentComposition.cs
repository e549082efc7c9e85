using Course.Data.Content;
using Course.Web.Comments;

namespace Course.Web.Composition;

/// <summary>Wires comments: the moderation setting, rendering and the per-client rate limit.</summary>
public static class CommentComposition
{
    public static IServiceCollection AddCourseComments(this IServiceCollection services, CourseOptions.CommentOptions options)
    {
        services.AddSingleton(new CommentModeration(options.AutoApprove));
        services.AddSingleton<CommentHtml>();
        return services.AddCommentRateLimit(options.PermitsPerMinute);
    }
}
