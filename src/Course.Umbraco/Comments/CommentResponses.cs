using Course.Core.Comments;
using Course.Core.Content;

namespace Course.Umbraco.Comments;

// The moderation dashboard's JSON; visitors' comment shapes are Course.Rendering's, shared with the Course site.

/// <summary>A comment as editors moderate it; the video's title when it is still published.</summary>
public sealed record ModeratedCommentResponse(
    Guid Id, string State, Guid VideoKey, string? VideoTitle, string Author, string Body, int? At, Guid? ParentId, DateTime Created)
{
    public static ModeratedCommentResponse From(Comment c, PublishedContent content) => new(
        c.Key, CommentStates.Name(c.State), c.VideoKey, content.Videos.FirstOrDefault(v => v.Key == c.VideoKey)?.Title,
        c.Author, c.Body, c.At, c.ParentKey, c.CreateDate);
}

public sealed record ModerationPage(IReadOnlyList<ModeratedCommentResponse> Items, int Total, int Page, int PageSize);
