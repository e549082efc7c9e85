using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Core.Captions;

/// <summary>A cue as read, with the line of its timing, so later rules can point at it.</summary>
public sealed record ParsedCue(int Line, CaptionCue Cue);

/// <summary>What a caption file holds: its cues and the problems met while reading it.</summary>
public sealed record ParsedCaptions(IReadOnlyList<ParsedCue> Cues, IReadOnlyList<CaptionProblem> Problems);

/// <summary>
/// Reads WebVTT and SubRip files into cues, reporting every syntax problem at its line: text that is not
/// UTF-8, a missing <c>WEBVTT</c> line, a block with no timing line, a time in the wrong form, and cue text that
/// runs into the next cue. Timing rules between cues are <see cref="CaptionRules"/>' job.
/// </summary>
public static partial class CaptionParser
{
    public static ParsedCaptions Parse(ReadOnlySpan<byte> bytes, CaptionFormat format)
    {
        var problems = new List<CaptionProblem>();
        var lines = Lines(bytes, problems);
        var blocks = Blocks(lines);
        var cues = new List<ParsedCue>();
        if (format == CaptionFormat.WebVtt)
        {
            var hasHeader = lines.Count > 0 && Header().IsMatch(lines[0]);
            if (!hasHeader) problems.Add(new(1, "a WebVTT file starts with the line WEBVTT"));
            foreach (var block in hasHeader ? blocks.Skip(1) : blocks)
            {
                if (IsWebVttMetadata(block[0].Text)) continue;
                ReadCue(block, format, identifierAllowed: _ => true, cues, problems);
            }
        }
        else
        {
            foreach (var block in blocks) ReadCue(block, format, identifierAllowed: IsCueNumber, cues, problems);
        }
        return new(cues, problems);
    }

    private static void ReadCue(
        IReadOnlyList<(int Line, string Text)> block, CaptionFormat format, Func<string, bool> identifierAllowed,
        List<ParsedCue> cues, List<CaptionProblem> problems)
    {
        var timing = block[0].Text.Contains("-->") ? 0
            : block.Count > 1 && block[1].Text.Contains("-->") && identifierAllowed(block[0].Text) ? 1
            : -1;
        if (timing < 0)
        {
            problems.Add(new(block[0].Line, format == CaptionFormat.WebVtt
                ? $"'{Shorten(block[0].Text)}' is not a cue timing line (00:00:01.000 --> 00:00:04.000) and no timing line follows it"
                : $"'{Shorten(block[0].Text)}' is neither a cue number nor a timing line (00:00:01,000 --> 00:00:04,000)"));
            return;
        }
        var (line, text) = block[timing];
        var arrow = text.IndexOf("-->", StringComparison.Ordinal);
        var startText = text[..arrow].Trim();
        // What follows the end time is WebVTT's cue settings (or SubRip's coordinates): not kept.
        var endText = text[(arrow + 3)..].Trim().Split([' ', '\t'], 2)[0];
        var start = Time(startText, format, line, problems);
        var end = Time(endText, format, line, problems);

        var textLines = block.Skip(timing + 1).ToList();
        foreach (var (textLine, content) in textLines.Where(l => l.Text.Contains("-->")))
            problems.Add(new(textLine, "cue text cannot hold '-->': is the blank line before this timing line missing?"));
        if (start is { } s && end is { } e)
            cues.Add(new(line, new CaptionCue(s, e, string.Join('\n', textLines.Select(l => CueText(l.Text, format))))));
    }

    private static TimeSpan? Time(string text, CaptionFormat format, int line, List<CaptionProblem> problems)
    {
        var match = (format == CaptionFormat.WebVtt ? WebVttTime() : SubRipTime()).Match(text);
        if (!match.Success)
        {
            problems.Add(new(line, format == CaptionFormat.WebVtt
                ? $"'{Shorten(text)}' is not a WebVTT time: write mm:ss.ttt or hh:mm:ss.ttt, minutes and seconds below 60"
                : $"'{Shorten(text)}' is not a SubRip time: write hh:mm:ss,ttt, minutes and seconds below 60"));
            return null;
        }
        int Group(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(0, Group("h"), Group("m"), Group("s"), Group("ms"));
    }

    /// <summary>
    /// Cue text as WebVTT holds it. SubRip's <c>{\an8}</c> positioning and <c>&lt;font&gt;</c> colours have no
    /// WebVTT counterpart and are dropped; its <c>&lt;i&gt;</c>, <c>&lt;b&gt;</c> and <c>&lt;u&gt;</c> are WebVTT's too.
    /// </summary>
    private static string CueText(string text, CaptionFormat format) =>
        (format == CaptionFormat.SubRip ? SubRipOnlyMarkup().Replace(text, "") : text).TrimEnd();

    private static bool IsWebVttMetadata(string first) =>
        first is "STYLE" or "REGION" || first == "NOTE" || first.StartsWith("NOTE ", StringComparison.Ordinal) || first.StartsWith("NOTE\t", StringComparison.Ordinal);

    private static bool IsCueNumber(string text) => text.Trim().Length > 0 && text.Trim().All(char.IsAsciiDigit);

    /// <summary>Runs of non-blank lines with their 1-based line numbers.</summary>
    private static List<List<(int Line, string Text)>> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<List<(int, string)>>();
        List<(int, string)>? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                current = null;
                continue;
            }
            if (current is null) blocks.Add(current = []);
            current.Add((i + 1, lines[i]));
        }
        return blocks;
    }

    /// <summary>The file's lines (after a UTF-8 byte order mark); a line that is not UTF-8 is reported and read with replacement characters.</summary>
    private static List<string> Lines(ReadOnlySpan<byte> bytes, List<CaptionProblem> problems)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var lines = new List<string>();
        var breaks = SearchValues.Create("\r\n"u8);
        while (true)
        {
            var end = bytes.IndexOfAny(breaks);
            var raw = end < 0 ? bytes : bytes[..end];
            if (FirstInvalidByte(raw) is { } column)
                problems.Add(new(lines.Count + 1,
                    $"is not UTF-8 text (byte 0x{raw[column]:X2} at column {column + 1}): save the file with UTF-8 encoding"));
            lines.Add(Encoding.UTF8.GetString(raw));
            if (end < 0) return lines;
            var crlf = bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n';
            bytes = bytes[(end + (crlf ? 2 : 1))..];
        }
    }

    private static int? FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        var at = 0;
        while (at < line.Length)
        {
            if (Rune.DecodeFromUtf8(line[at..], out _, out var consumed) != OperationStatus.Done) return at;
            at += consumed;
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?:(?<h>\d{2,4}):)?(?<m>[0-5]\d):(?<s>[0-5]\d)\.(?<ms>\d{3})$")]
    private static partial Regex WebVttTime();

    [GeneratedRegex(@"^(?<h>\d{1,3}):(?<m>[0-5]\d):(?<s>[0-5]\d)[,.](?<ms>\d{3})$")]
    private static partial Regex SubRipTime();

    [GeneratedRegex(@"\{\\[^}]*\}|</?font[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex SubRipOnlyMarkup();
}
