using Course.Core.Chapters;
using Course.Core.Editing;

namespace Course.Core.Captions;

/// <summary>A caption file as checked: its cues when every rule holds, else the problems at their lines.</summary>
public sealed record CaptionCheck(IReadOnlyList<CaptionCue> Cues, IReadOnlyList<CaptionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The rules a caption file must keep, on top of its syntax: each cue ends after it starts, cues come in time
/// order, and none runs past the end of the video. Every problem is reported, each at its cue's timing line.
/// </summary>
public static class CaptionRules
{
    /// <summary>A caption file larger than this is not captions (two hours of speech is ~150 KB).</summary>
    public const int MaxBytes = 1024 * 1024;
    public const int MaxLabelLength = 60;

    /// <summary>How far a cue may run past the video's duration, which is known in whole seconds only.</summary>
    private static readonly TimeSpan DurationSlack = TimeSpan.FromSeconds(1);

    public static CaptionCheck Check(ReadOnlySpan<byte> file, CaptionFormat format, int? duration)
    {
        if (file.Length > MaxBytes) return new([], [new(1, $"the file has {file.Length:N0} bytes; captions have at most {MaxBytes:N0}")]);
        var parsed = CaptionParser.Parse(file, format);
        var problems = parsed.Problems.Concat(Timing(parsed.Cues, duration)).OrderBy(p => p.Line).ToList();
        if (parsed.Cues.Count == 0 && problems.Count == 0) problems.Add(new(1, "the file has no cues"));
        return problems.Count == 0 ? new(parsed.Cues.Select(c => c.Cue).ToList(), []) : new([], problems);
    }

    /// <summary>Ends after starts, time order, within the video.</summary>
    public static IEnumerable<CaptionProblem> Timing(IReadOnlyList<ParsedCue> cues, int? duration)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            var (line, cue) = cues[i];
            if (cue.End <= cue.Start)
                yield return new(line, $"the cue ends at {Shown(cue.End)}, not after its start at {Shown(cue.Start)}");
            if (i > 0 && cue.Start < cues[i - 1].Cue.Start)
                yield return new(line, $"the cue starts at {Shown(cue.Start)}, before the cue above it (line {cues[i - 1].Line}) at {Shown(cues[i - 1].Cue.Start)}: cues go in time order");
            if (duration is int seconds && cue.End > TimeSpan.FromSeconds(seconds) + DurationSlack)
                yield return new(line, $"the cue ends at {Shown(cue.End)}, after the end of the video at {new Timestamp(seconds)}");
        }
    }

    /// <summary>The checked language tag and label of a track, or null with the problems in <paramref name="errors"/>.</summary>
    public static (string Language, string Label)? CheckTrack(string? language, string? label, InputErrors errors)
    {
        var tag = LanguageTag.Normalize(language);
        if (tag is null) errors.Add("lang", $"'{language}' is not a BCP 47 language tag such as en, fr or pt-BR.");
        var shown = string.IsNullOrWhiteSpace(label) ? (tag is null ? "" : LanguageTag.DisplayName(tag)) : label.Trim();
        if (shown.Length > MaxLabelLength) errors.Add("label", $"A label has at most {MaxLabelLength} characters.");
        if (shown.Any(char.IsControl)) errors.Add("label", "A label is one line of text.");
        return errors.Any ? null : (tag!, shown);
    }

    private static string Shown(TimeSpan time) => WebVttWriter.Time(time);
}
