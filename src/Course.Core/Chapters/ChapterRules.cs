namespace Course.Core.Chapters;

/// <summary>
/// The rules a table of contents must keep, checked over chapters already read from their lines.
/// Each rule reports on the line an editor has to change.
/// </summary>
internal sealed class ChapterRules(IReadOnlyList<string> lines, int? durationSeconds)
{
    private readonly List<TocProblem> problems = [];

    /// <param name="authored">Chapters from timestamp lines, in the order written.</param>
    /// <param name="chapters">The same, after the implied Introduction when there is one.</param>
    /// <param name="timestampLines">Lines meant as chapters, broken ones included.</param>
    public IReadOnlyList<TocProblem> Check(
        IReadOnlyList<ParsedChapter> authored, IReadOnlyList<ParsedChapter> chapters, IReadOnlyList<int> timestampLines)
    {
        AscendingWithoutDuplicates(authored);
        WithinDuration(authored);
        Enough(timestampLines);
        LongEnough(chapters);
        return problems;
    }

    private void AscendingWithoutDuplicates(IReadOnlyList<ParsedChapter> authored)
    {
        var firstLineAt = new Dictionary<int, int>();
        ParsedChapter? previous = null;
        foreach (var chapter in authored)
        {
            if (firstLineAt.TryGetValue(chapter.Start, out var firstLine))
                Error(chapter.Line, $"duplicate timestamp {At(chapter)} (also on line {firstLine})");
            else if (previous is not null && chapter.Start < previous.Start)
                Error(chapter.Line, $"timestamps must ascend: {At(chapter)} follows {At(previous)}");
            firstLineAt.TryAdd(chapter.Start, chapter.Line);
            previous = chapter;
        }
    }

    private void WithinDuration(IReadOnlyList<ParsedChapter> authored)
    {
        if (durationSeconds is not { } duration) return;
        foreach (var chapter in authored.Where(c => c.Start >= duration))
            Error(chapter.Line, $"{At(chapter)} is at or after the end of the video ({new Timestamp(duration)})");
    }

    private void Enough(IReadOnlyList<int> timestampLines)
    {
        // Only lines the editor wrote count, not the implied Introduction: the minimum is there so a stray
        // time in prose is not taken for a table of contents, and a chapter we made up is no evidence of one.
        // It also matches YouTube, which wants three timestamps written, the first at 0:00.
        if (timestampLines.Count >= TableOfContentsParser.MinimumChapters) return;
        var line = timestampLines.Count > 0 ? timestampLines[^1] : 1;
        var found = timestampLines.Count > 0 ? timestampLines.Count.ToString() : "none";
        Error(line, $"a table of contents needs at least {TableOfContentsParser.MinimumChapters} timestamped chapters; found {found}");
    }

    private void LongEnough(IReadOnlyList<ParsedChapter> chapters)
    {
        const int minimum = TableOfContentsParser.MinimumChapterSeconds;
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            var end = i + 1 < chapters.Count ? chapters[i + 1].Start : durationSeconds;
            // Unknown end, or out of order (already an error): nothing sensible to measure.
            if (end is not { } e || e <= chapter.Start || e - chapter.Start >= minimum) continue;

            var length = e - chapter.Start;
            var until = i + 1 < chapters.Count ? $"until {new Timestamp(e)}" : $"until the end at {new Timestamp(e)}";
            if (chapter.Line == 0)
                // The implied Introduction has no line of its own; the first chapter's time is what to change.
                Warning(chapters[i + 1].Line,
                    $"the implied Introduction lasts only {length} s (0:00 {until}); start the first chapter at 0:00 or at least at {new Timestamp(minimum)}");
            else
                Warning(chapter.Line, $"chapter {At(chapter)} lasts only {length} s ({until}); chapters should last at least {minimum} s");
        }
    }

    private static Timestamp At(ParsedChapter chapter) => new(chapter.Start);

    private void Error(int line, string message) => Add(line, message, ProblemSeverity.Error);

    private void Warning(int line, string message) => Add(line, message, ProblemSeverity.Warning);

    private void Add(int line, string message, ProblemSeverity severity) =>
        problems.Add(new TocProblem(line, line >= 1 && line <= lines.Count ? lines[line - 1] : "", message, severity));
}
