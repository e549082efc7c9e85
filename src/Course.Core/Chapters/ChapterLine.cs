using System.Text.RegularExpressions;

namespace Course.Core.Chapters;

/// <summary>
/// A description line that is, or is evidently meant to be, a chapter: the time as written and the
/// title as authored. Whether the time is valid is <see cref="Timestamp"/>'s call, so a typo such as
/// "7:7" still comes back here and gets reported instead of silently becoming plain text.
/// </summary>
internal sealed partial record ChapterLine(string TimeText, string Title)
{
    // List markers people put before chapters: symbols, or "1." / "1)" numbering.
    private const string Bullet = @"(?:[-–—*•·+]\s*|[0-9]{1,3}[.)]\s+)";
    // Separators between time and title. A space alone also separates.
    private const string Separator = "[-–—:|]";
    // Atomic, so "1:02:03x" is never re-read as "1:02" plus a ":" separator.
    private const string Time = @"(?<time>(?>[0-9]+(?::[0-9]+)+))";

    /// <summary>Reads a trimmed line; null when it is ordinary description text.</summary>
    public static ChapterLine? Read(string line)
    {
        // The time leading wins over a time trailing: "0:23 Warm up until 5:10" is the 0:23 chapter.
        var match = TimeFirst().Match(line);
        if (match.Success) return new(match.Groups["time"].Value, match.Groups["title"].Value.TrimEnd());

        // Digits and a colon right at the start can only be a time gone wrong ("7:7a", "5:10Undraping");
        // report them rather than let a chapter disappear from the list unnoticed.
        match = BrokenTimeFirst().Match(line);
        if (match.Success) return new(match.Groups["time"].Value, "");

        match = TitleFirst().Match(line);
        return match.Success ? new(match.Groups["time"].Value, match.Groups["title"].Value) : null;
    }

    // "0:23 Title", "[0:23] Title", "(0:23) - Title", "• 1:02:03: Title". Brackets may stand in for a separator.
    [GeneratedRegex("^" + Bullet + @"?[\[(]?\s*" + Time + @"(?:\s*[\])](?:\s*" + Separator + ")?|\\s*" + Separator + @"|(?=\s)|$)\s*(?<title>.*)$")]
    private static partial Regex TimeFirst();

    [GeneratedRegex("^" + Bullet + @"?[\[(]?\s*(?<time>[0-9]+:[0-9][^\s\])]*)")]
    private static partial Regex BrokenTimeFirst();

    // "Title 0:23", "Title - 0:23", "Title: (0:23)". Only a time that ends the line counts, so times
    // inside sentences ("I start at 5:10 with...") stay prose; the look-behind keeps "Intro10:45" prose too.
    [GeneratedRegex("^" + Bullet + @"?(?<title>.*?\S)\s*(?:" + Separator + @"\s*)?[\[(]?\s*(?<=[\s\[(]|" + Separator + ")" + Time + @"\s*[\])]?$")]
    private static partial Regex TitleFirst();
}
