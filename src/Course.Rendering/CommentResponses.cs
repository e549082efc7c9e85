using Course.Core.Comments;
using Course.Core.Content;

namespace Course.Rendering;

// The JSON shapes of comments as visitors read and post them (the Course site's and the Umbraco package's comment
// endpoints): names here are what clients read.

public sealed record CommentChapterRef(int Index, string Slug, string Title);

/// <summary>A visible comment: its text as written and as safe HTML, where it sits in the video, and its replies.</summary>
public sealed record CommentResponse(
    Guid Id, string Author, string Body, string Html, int? At, CommentChapterRef? Chapter, string Url, DateTime Created,
    IReadOnlyList<CommentResponse> Replies)
{
    public static CommentResponse From(CommentThread thread, Video video, CommentHtml html) => new(
        thread.Comment.Key, thread.Comment.Author, thread.Comment.Body, html.Render(thread.Comment.Body, video), thread.Comment.At,
        thread.Chapter is { } chapter ? new CommentChapterRef(chapter.Index, chapter.Slug, chapter.Title) : null,
        ContentUrls.Comment(video, thread.Comment), thread.Comment.CreateDate,
        thread.Replies.Select(reply => new CommentResponse(
            reply.Key, reply.Author, reply.Body, html.Render(reply.Body, video), null, null,
            ContentUrls.Comment(video, reply), reply.CreateDate, [])).ToList());
}

/// <summary><c>GET /api/videos/{slug}/comments</c>: the visible discussion, oldest first; <c>total</c> counts replies too.</summary>
public sealed record CommentListResponse(string Video, int Total, IReadOnlyList<CommentResponse> Comments);

/// <summary>The answer to a posted comment: its state (<c>pending</c> until an editor approves it) and what to tell the viewer.</summary>
public sealed record PostedCommentResponse(
    Guid Id, string State, string Message, string Author, string Body, string Html, int? At, Guid? ParentId, DateTime Created)
{
    public static PostedCommentResponse From(Comment comment, Video video, CommentHtml html) => new(
        comment.Key, CommentStates.Name(comment.State), CommentStates.Message(comment.State), comment.Author, comment.Body,
        html.Render(comment.Body, video), comment.At, comment.ParentKey, comment.CreateDate);
}
