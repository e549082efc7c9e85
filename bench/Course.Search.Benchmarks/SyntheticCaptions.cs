using Course.Core.Captions;
using Course.Core.Content;

namespace Course.Search.Benchmarks;

/// <summary>
/// Captions for the first videos of <see cref="SyntheticCourses"/>: a cue every ~4 s over the whole video, each a
/// dozen words of the same Zipf-distributed vocabulary plus domain words, as a spoken tutorial's transcript reads.
/// Deterministic, and drawn from its own random source so the courses themselves stay as they are.
/// </summary>
public static class SyntheticCaptions
{
    public static PublishedContent With(SyntheticCourses courses, int captionedVideos)
    {
        var random = new Random(20261202);
        var vocabulary = courses.Content.Techniques.SelectMany(t => t.Body.Split(' ')).Take(200_000).ToArray();
        var videos = courses.Videos.Select((video, i) => i >= captionedVideos ? video : video with
        {
            Captions = [new CaptionTrack { Key = Guid.NewGuid(), Language = "en", Label = "English", Cues = Cues(video.Duration ?? 600, random, vocabulary) }],
        });
        return new PublishedContent(videos, courses.Content.Techniques);
    }

    private static List<CaptionCue> Cues(int duration, Random random, string[] vocabulary)
    {
        var cues = new List<CaptionCue>();
        for (var at = 0.0; at + 4 < duration; at += 3.5 + random.NextDouble())
        {
            var words = Enumerable.Range(0, 8 + random.Next(8)).Select(_ => vocabulary[random.Next(vocabulary.Length)].TrimEnd('.').ToLowerInvariant());
            cues.Add(new(TimeSpan.FromSeconds(at), TimeSpan.FromSeconds(at + 3.4), string.Join(' ', words)));
        }
        return cues;
    }
}
