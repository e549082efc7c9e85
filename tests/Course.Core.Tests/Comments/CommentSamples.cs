using Course.Core.Comments;
using Course.Core.Content;

namespace Course.Core.Tests.Comments;

/// <summary>A 10-minute video with chapters at 0:00, 2:00 and 5:00, and comments on it.</summary>
internal static class CommentSamples
{
    public static readonly Video Video = new()
    {
        Key = Guid.NewGuid(),
        Title = "Sample",
        Slug = "sample",
        Source = "/media/sample.webm",
        Duration = 600,
        Chapters = ChapterSpans.WithEnds([Chapter(0, "Start"), Chapter(120, "Middle"), Chapter(300, "End")], 600),
    };

    private static Chapter Chapter(int start, string title) =>
        new() { Key = Guid.NewGuid(), Index = 0, Title = title, Slug = title.ToLowerInvariant(), Start = start };

    public static Comment Comment(CommentState state = CommentState.Approved, int? at = null, Comment? parent = null, int minute = 0) => new()
    {
        Key = Guid.NewGuid(),
        VideoKey = Video.Key,
        At = at,
        ParentKey = parent?.Key,
        Author = "Ada",
        Body = "Nice",
        State = state,
        CreateDate = new DateTime(2026, 1, 1, 12, minute, 0, DateTimeKind.Utc),
    };
}
