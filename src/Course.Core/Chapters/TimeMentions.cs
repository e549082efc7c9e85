using System.Text.RegularExpressions;

namespace Course.Core.Chapters;

/// <summary>A run of text, and the second of the video it names when it is a written time ("13:15").</summary>
public readonly record struct TextRun(string Text, int? Seconds);

/// <summary>Finds the times written in free text, so descriptions and comments can link them to the player.</summary>
public static partial class TimeMentions
{
    public static IReadOnlyList<TextRun> Split(string text)
    {
        var runs = new List<TextRun>();
        var position = 0;
        foreach (Match match in WrittenTime().Matches(text))
        {
            if (!Timestamp.TryParse(match.Value, out var time)) continue;
            if (match.Index > position) runs.Add(new(text[position..match.Index], null));
            runs.Add(new(match.Value, time.TotalSeconds));
            position = match.Index + match.Length;
        }
        if (position < text.Length) runs.Add(new(text[position..], null));
        return runs;
    }

    // Not inside a longer number or a clock-like "12:30:45:10" chain.
    [GeneratedRegex(@"(?<![\d:])(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:])")]
    private static partial Regex WrittenTime();
}
