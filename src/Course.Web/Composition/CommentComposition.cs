using Course.Data.Content;
using Course.Rendering;

namespace Course.Web.Composition;

/// <summary>Wires comments: the moderation setting and rendering (their rate limit is in <see cref="Security.PostingRateLimits"/>).</summary>
public static class CommentComposition
{
    public static IServiceCollection AddCourseComments(this IServiceCollection services, CourseOptions.CommentOptions options)
    {
        services.AddSingleton(new CommentModeration(options.AutoApprove));
        return services.AddSingleton<CommentHtml>();
    }
}
