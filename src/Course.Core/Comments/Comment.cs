namespace Course.Core.Comments;

/// <summary>Where a comment stands in moderation. Only approved comments are shown; deleted ones are gone for good.</summary>
public enum CommentState { Pending, Approved, Rejected, Deleted }

/// <summary>
/// A viewer's comment on a video, optionally anchored to a second of it (and so to a chapter), or a
/// reply to another comment: replies go one level deep.
/// </summary>
public sealed record Comment
{
    public required Guid Key { get; init; }
    public required Guid VideoKey { get; init; }
    /// <summary>Whole seconds into the video the comment is about; null for the video as a whole and for replies.</summary>
    public int? At { get; init; }
    /// <summary>The comment this one answers; null for a top-level comment.</summary>
    public Guid? ParentKey { get; init; }
    /// <summary>The display name the viewer gave; not an account.</summary>
    public required string Author { get; init; }
    /// <summary>The text as written: a small Markdown subset, rendered and sanitised only when shown.</summary>
    public required string Body { get; init; }
    public CommentState State { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }

    public bool IsReply => ParentKey is not null;

    /// <summary>
    /// Whether visitors see the comment: approved, and for a reply, answering an approved comment
    /// (rejecting or deleting a comment hides its replies with it).
    /// </summary>
    public bool IsVisibleUnder(Comment? parent) =>
        State == CommentState.Approved && (ParentKey is null || parent is { State: CommentState.Approved } && parent.Key == ParentKey);
}
