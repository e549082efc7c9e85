using System.Globalization;
using System.Text;
using Course.Core.Content;

namespace Course.Core.Chapters;

/// <summary>Writes a video's chapters as a WebVTT chapters track, one cue per chapter.</summary>
public static class WebVttChapters
{
    public static string Write(Video video)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        foreach (var chapter in video.Chapters)
        {
            // A cue needs an end; with no duration known the last chapter gets a generous one.
            var end = chapter.End ?? Math.Max(chapter.Start + 1, video.Duration ?? chapter.Start + 3600);
            vtt.Append('\n')
                .Append(chapter.Slug).Append('\n')
                .Append(Cue(chapter.Start)).Append(" --> ").Append(Cue(end)).Append('\n')
                // Cue text may not contain "-->" or a blank line.
                .Append(chapter.Title.Replace("-->", "→").ReplaceLineEndings(" ")).Append('\n');
        }
        return vtt.ToString();
    }

    private static string Cue(int seconds) =>
        TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
