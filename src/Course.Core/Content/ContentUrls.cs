namespace Course.Core.Content;

/// <summary>The site's public addresses, in one place so pages, APIs, search and feeds agree.</summary>
public static class ContentUrls
{
    public static string Video(Video video) => $"/videos/{video.Slug}";

    public static string VideoAt(Video video, int second) => second > 0 ? $"/videos/{video.Slug}?t={second}" : Video(video);

    /// <summary>The video page starting at the chapter; always carries <c>?t=</c>, so a shared link says where it starts.</summary>
    public static string ChapterStart(Video video, Chapter chapter) => $"/videos/{video.Slug}?t={chapter.Start}";

    /// <summary>A practice range: the player plays from <paramref name="start"/> and pauses at <paramref name="end"/>, or repeats.</summary>
    public static string Range(Video video, int start, int end, bool loop) =>
        $"/videos/{video.Slug}?t={start}&end={end}{(loop ? "&loop=1" : "")}";

    public static string Chapter(Video video, Chapter chapter) => $"/videos/{video.Slug}/chapters/{chapter.Slug}";

    public static string ChaptersTrack(Video video) => $"/videos/{video.Slug}/chapters.vtt";

    public static string CaptionTrack(Video video, Captions.CaptionTrack track) => $"/videos/{video.Slug}/captions/{track.Language}.vtt";

    /// <summary>The transcript page: every caption as a <c>?t=</c> link.</summary>
    public static string Transcript(Video video) => $"/videos/{video.Slug}/transcript";

    public static string Technique(Technique technique) => $"/techniques/{technique.Slug}";

    /// <summary>The comment form, framed by the video page and chapter pages.</summary>
    public static string CommentForm(Video video) => $"/videos/{video.Slug}/comment";

    /// <summary>The id of a comment's element on the video page, for <c>#</c> links.</summary>
    public static string CommentAnchor(Guid commentKey) => $"comment-{commentKey}";

    /// <summary>The video page starting at the comment's second, scrolled to the comment.</summary>
    public static string Comment(Video video, Comments.Comment comment) => $"{VideoAt(video, comment.At ?? 0)}#{CommentAnchor(comment.Key)}";
}
