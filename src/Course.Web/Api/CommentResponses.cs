using Course.Core.Comments;
using Course.Core.Content;
using Course.Data.Content;
using Course.Rendering;

namespace Course.Web.Api;

// The JSON shape of comments as editors moderate them; visitors' shapes are in Course.Rendering.

/// <summary>A comment as editors moderate it, on any video and in any state.</summary>
public sealed record ManagedCommentResponse(
    Guid Id, string State, string VideoSlug, string VideoTitle, string Author, string Body, int? At, Guid? ParentId,
    DateTime Created, DateTime Updated)
{
    public static ManagedCommentResponse From(ModeratedComment moderated)
    {
        var c = moderated.Comment;
        return new(c.Key, CommentStates.Name(c.State), moderated.VideoSlug, moderated.VideoTitle, c.Author, c.Body, c.At, c.ParentKey,
            c.CreateDate, c.UpdateDate);
    }
}

/// <summary><c>GET /api/manage/comments</c>: one page of comments in a state; <c>total</c> counts every page.</summary>
public sealed record ManagedCommentPage(IReadOnlyList<ManagedCommentResponse> Items, int Total, int Page, int PageSize)
{
    public static ManagedCommentPage From(ModeratedPage page) =>
        new(page.Items.Select(ManagedCommentResponse.From).ToList(), page.Total, page.Page.Page, page.Page.PageSize);
}
