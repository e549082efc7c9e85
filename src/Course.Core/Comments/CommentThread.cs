using Course.Core.Content;

namespace Course.Core.Comments;

/// <summary>A visible top-level comment with its visible replies, and the chapter its second falls in.</summary>
public sealed record CommentThread(Comment Comment, Chapter? Chapter, IReadOnlyList<Comment> Replies)
{
    /// <summary>The comments shown in the thread: the comment and its replies.</summary>
    public int Count => 1 + Replies.Count;
}

/// <summary>Arranges a video's comments as visitors see them.</summary>
public static class CommentThreads
{
    /// <summary>
    /// The visible discussion of a video, oldest first: approved top-level comments, each with its
    /// approved replies; anything else in <paramref name="comments"/> is left out.
    /// </summary>
    public static IReadOnlyList<CommentThread> Of(Video video, IEnumerable<Comment> comments)
    {
        var ordered = comments.Where(c => c.VideoKey == video.Key).OrderBy(c => c.CreateDate).ToList();
        var replies = ordered.Where(c => c.IsReply).ToLookup(c => c.ParentKey);
        return ordered
            .Where(c => c.IsVisibleUnder(null))
            .Select(c => new CommentThread(
                c,
                c.At is int at ? ChapterSpans.At(video.Chapters, at) : null,
                replies[c.Key].Where(r => r.IsVisibleUnder(c)).ToList()))
            .ToList();
    }

    /// <summary>The threads anchored in the chapter: those whose second lies within its span.</summary>
    public static IReadOnlyList<CommentThread> InChapter(IEnumerable<CommentThread> threads, Chapter chapter) =>
        threads.Where(t => t.Chapter?.Key == chapter.Key).ToList();

    /// <summary>Visible comments per chapter index, replies included; chapters without any are absent.</summary>
    public static IReadOnlyDictionary<int, int> CountByChapter(IEnumerable<CommentThread> threads) =>
        threads.Where(t => t.Chapter is not null)
            .GroupBy(t => t.Chapter!.Index)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
}
