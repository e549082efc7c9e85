namespace Course.Core.Chapters;

/// <summary>
/// Turns a pasted YouTube-style description into chapters and checks them against the rules
/// YouTube uses for key moments, so what we publish would also work there.
/// </summary>
public static class TableOfContentsParser
{
    public const int MinimumChapters = 3;
    public const int MinimumChapterSeconds = 10;

    public const string ImpliedIntroductionTitle = "Introduction";

    /// <param name="description">The description as authored; LF, CRLF or CR line ends.</param>
    /// <param name="durationSeconds">The video's length when known; zero or less counts as unknown.</param>
    public static TableOfContents Parse(string description, int? durationSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        var duration = durationSeconds > 0 ? durationSeconds : null;
        var lines = description.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();

        var problems = new List<TocProblem>();
        var authored = new List<ParsedChapter>();
        var timestampLines = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (ChapterLine.Read(lines[i]) is not { } candidate) continue;
            var line = i + 1;
            timestampLines.Add(line);
            // A chapter with a broken time or no title cannot be placed or shown: report it, leave it out.
            if (!Timestamp.TryParse(candidate.TimeText, out var start, out var problem))
                problems.Add(new TocProblem(line, lines[i], problem!, ProblemSeverity.Error));
            else if (candidate.Title.Length == 0)
                problems.Add(new TocProblem(line, lines[i], $"'{candidate.TimeText}' has no title", ProblemSeverity.Error));
            else
                authored.Add(new ParsedChapter(line, start.TotalSeconds, candidate.Title));
        }

        var chapters = WithImpliedIntroduction(authored);
        problems.AddRange(new ChapterRules(lines, duration).Check(authored, chapters, timestampLines));
        // Stable sort: top to bottom as the editor reads, rules in a fixed order within a line.
        return new TableOfContents(chapters, problems.OrderBy(p => p.Line).ToList());
    }

    /// <summary>
    /// A first timestamp after 0:00 would leave the opening seconds outside every chapter; like YouTube,
    /// which insists on a 0:00 chapter, we give the opening one, starting at 0.
    /// </summary>
    private static IReadOnlyList<ParsedChapter> WithImpliedIntroduction(List<ParsedChapter> authored) =>
        authored.Count > 0 && authored[0].Start > 0
            ? [new ParsedChapter(0, 0, ImpliedIntroductionTitle), .. authored]
            : authored;
}
