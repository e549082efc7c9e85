namespace Course.Core.Comments;

/// <summary>
/// What a viewer sends to comment (the JSON body of <c>POST /api/videos/{slug}/comments</c>, and the form).
/// <paramref name="Website"/> is a honeypot: hidden from people, so only robots fill it in.
/// </summary>
public sealed record CommentInput(string? Author, string? Body, int? At, Guid? ParentId, string? Website);

/// <summary>The checked fields of a comment, ready to be stored.</summary>
public sealed record CommentFields(string Author, string Body, int? At, Guid? ParentKey);
