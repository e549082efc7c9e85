using System.Globalization;
using System.Text;

namespace Course.Core.Captions;

/// <summary>
/// Writes cues as normalised WebVTT: the <c>WEBVTT</c> line, then each cue as
/// <c>hh:mm:ss.ttt --> hh:mm:ss.ttt</c> and its text, separated by blank lines. Identifiers, cue settings,
/// notes and styles are not kept: Course shows captions with the player's own style.
/// </summary>
public static class WebVttWriter
{
    public static string Write(IEnumerable<CaptionCue> cues)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        foreach (var cue in cues)
        {
            vtt.Append('\n').Append(Time(cue.Start)).Append(" --> ").Append(Time(cue.End)).Append('\n');
            if (cue.Text.Length > 0) vtt.Append(cue.Text).Append('\n');
        }
        return vtt.ToString();
    }

    /// <summary>A WebVTT timestamp with hours always written: <c>00:13:15.250</c>.</summary>
    public static string Time(TimeSpan time) =>
        $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}".ToString(CultureInfo.InvariantCulture);
}
