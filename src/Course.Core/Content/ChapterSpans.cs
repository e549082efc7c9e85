namespace Course.Core.Content;

/// <summary>A chapter ends where the next begins; the last ends with the video when its duration is known.</summary>
public static class ChapterSpans
{
    public static IReadOnlyList<Chapter> WithEnds(IReadOnlyList<Chapter> chapters, int? duration)
    {
        var ordered = chapters.OrderBy(c => c.Start).ToList();
        return ordered
            .Select((chapter, i) => chapter with
            {
                Index = i,
                End = i + 1 < ordered.Count ? ordered[i + 1].Start : duration,
            })
            .ToList();
    }

    /// <summary>The chapter playing at <paramref name="second"/>: the last to start at or before it; null before the first.</summary>
    public static Chapter? At(IReadOnlyList<Chapter> chapters, int second) => chapters.LastOrDefault(c => c.Start <= second);
}
