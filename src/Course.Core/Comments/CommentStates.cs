namespace Course.Core.Comments;

/// <summary>A comment state as JSON, query strings and viewers read it.</summary>
public static class CommentStates
{
    public static string Name(CommentState state) => state.ToString().ToLowerInvariant();

    /// <summary>Reads <c>pending</c>, <c>approved</c>, <c>rejected</c> or <c>deleted</c>, in any case; nothing else.</summary>
    public static bool TryParse(string? text, out CommentState state)
    {
        state = default;
        return text is not null && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out state);
    }

    public static string Message(CommentState state) => state == CommentState.Approved
        ? "Your comment is published."
        : "Your comment is waiting for moderation.";
}
