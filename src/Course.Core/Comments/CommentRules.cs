using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Core.Comments;

/// <summary>Checks a viewer's comment field by field; every problem is reported, named by its JSON field.</summary>
public static class CommentRules
{
    public const int MaxAuthorLength = 100;
    public const int MaxBodyLength = 5000;
    public const int MaxIdempotencyKeyLength = 100;
    public const string IdempotencyKeyField = "Idempotency-Key";

    /// <param name="parent">The comment <see cref="CommentInput.ParentId"/> names, as the caller found it; null when there is none.</param>
    public static CommentFields? Check(CommentInput input, Video video, Comment? parent, InputErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(input.Website)) errors.Add("website", "Leave this field empty: it is there to catch robots.");

        var author = Author(input.Author);
        if (author.Length == 0) errors.Add("author", "A name is required.");
        else if (author.Length > MaxAuthorLength) errors.Add("author", $"A name has at most {MaxAuthorLength} characters.");
        else TextRules.Check(author, "author", TextShape.Line, errors);

        var body = Body(input.Body);
        if (body.Length == 0) errors.Add("body", "A comment needs some text.");
        else if (body.Length > MaxBodyLength) errors.Add("body", $"A comment has at most {MaxBodyLength:N0} characters; this one has {body.Length:N0}.");
        else TextRules.Check(body, "body", TextShape.Lines, errors);

        if (input.At is int at)
        {
            if (input.ParentId is not null) errors.Add("at", "A reply takes its place from the comment it answers: leave at empty.");
            else if (at < 0) errors.Add("at", "at is a second of the video and cannot be negative.");
            else if (video.Duration is int duration && at > duration)
                errors.Add("at", $"at is past the end: the video lasts {new Timestamp(duration)} ({duration} seconds).");
        }

        if (input.ParentId is Guid parentId)
        {
            if (parent is null || parent.Key != parentId || parent.VideoKey != video.Key || parent.State == CommentState.Deleted)
                errors.Add("parentId", $"There is no comment {parentId} on this video.");
            else if (parent.IsReply) errors.Add("parentId", "Replies go one level deep: answer the comment this reply answers.");
            else if (parent.State != CommentState.Approved) errors.Add("parentId", "Only published comments can be answered.");
        }
        return errors.Any ? null : new CommentFields(author, body, input.At, input.ParentId);
    }

    /// <summary>An idempotency key is optional; when sent it is 1 to 100 visible ASCII characters (a UUID fits).</summary>
    public static void CheckIdempotencyKey(string? key, InputErrors errors)
    {
        if (key is null) return;
        if (key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => c is > ' ' and <= '~'))
            errors.Add(IdempotencyKeyField, $"An idempotency key is 1 to {MaxIdempotencyKeyLength} visible ASCII characters, such as a UUID.");
    }

    /// <summary>
    /// Whether a retry carries the comment an earlier request with the same idempotency key stored, so
    /// the earlier answer can be repeated; a different comment under a used key is a client error.
    /// </summary>
    public static bool IsSameComment(Comment earlier, Video video, CommentInput input) =>
        earlier.VideoKey == video.Key
        && earlier.Author == Author(input.Author)
        && earlier.Body == Body(input.Body)
        && earlier.At == input.At
        && earlier.ParentKey == input.ParentId;

    private static string Author(string? text) => text?.Trim() ?? "";

    // One line-ending convention, so the length limit and retries compare what is stored.
    private static string Body(string? text) => text?.ReplaceLineEndings("\n").Trim() ?? "";
}
