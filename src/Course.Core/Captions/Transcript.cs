using Course.Core.Content;

namespace Course.Core.Captions;

/// <summary>
/// A run of consecutive cues inside one chapter, at most <see cref="Transcript.PassageLength"/> long: a
/// paragraph of the transcript and a document of the search index.
/// </summary>
public sealed record TranscriptPassage(IReadOnlyList<CaptionCue> Cues, Chapter? Chapter)
{
    /// <summary>The second the passage starts at, for its <c>?t=</c> link.</summary>
    public int Start => Cues[0].StartSecond;

    /// <summary>The passage's words, cue after cue, so phrases read across cue boundaries.</summary>
    public string Text => string.Join(' ', Cues.Select(c => c.PlainText).Where(t => t.Length > 0));
}

/// <summary>A caption track read as text: passages of about half a minute that never straddle a chapter.</summary>
public static class Transcript
{
    /// <summary>A passage ends before a cue that would take it past this; 20–40 s is a paragraph a reader takes in at once.</summary>
    public static readonly TimeSpan PassageLength = TimeSpan.FromSeconds(40);

    public static IReadOnlyList<TranscriptPassage> Passages(CaptionTrack track, IReadOnlyList<Chapter> chapters)
    {
        var passages = new List<TranscriptPassage>();
        var cues = new List<CaptionCue>();
        Chapter? chapter = null;
        foreach (var cue in track.Cues.Where(c => c.PlainText.Length > 0))
        {
            var cueChapter = ChapterAt(chapters, cue.StartSecond);
            if (cues.Count > 0 && (cueChapter != chapter || cue.End - cues[0].Start > PassageLength))
            {
                passages.Add(new(cues, chapter));
                cues = [];
            }
            chapter = cueChapter;
            cues.Add(cue);
        }
        if (cues.Count > 0) passages.Add(new(cues, chapter));
        return passages;
    }

    /// <summary>The chapter playing at <paramref name="second"/>: the last one starting at or before it.</summary>
    public static Chapter? ChapterAt(IReadOnlyList<Chapter> chapters, int second) =>
        chapters.LastOrDefault(c => c.Start <= second);
}
