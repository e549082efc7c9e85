using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Notifications;
using Course.Search.Indexing;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Content;

/// <summary>
/// Published videos' captions as transcript passages (<see cref="Transcript.Passages"/>), each a child of its
/// video's document: a change to the video removes them with it and this populator puts back the live ones.
/// </summary>
public sealed class TranscriptPopulator(Func<PublishedContent> current) : IIndexPopulator
{
    public IAsyncEnumerable<ValueSet> GetAllValueSetsAsync(CancellationToken cancellationToken) =>
        current().Videos.SelectMany(ForVideo).ToAsyncEnumerable();

    public Task<IndexChange> GetChangeAsync(ContentChangedNotification notification, CancellationToken cancellationToken) =>
        Task.FromResult(notification.Kind == ContentKind.Video && current().Videos.FirstOrDefault(v => v.Key == notification.Key) is { } video
            ? new IndexChange([], ForVideo(video).ToList())
            : IndexChange.None);

    /// <summary>Every passage of every track of the video.</summary>
    public static IEnumerable<ValueSet> ForVideo(Video video) =>
        video.Captions.SelectMany(track => Core.Captions.Transcript.Passages(track, video.Chapters).Select((passage, index) => ForPassage(video, track, passage, index)));

    public static ValueSet ForPassage(Video video, CaptionTrack track, TranscriptPassage passage, int index) =>
        new($"{ContentValueSets.IdOf(video.Key)}-{track.Language}-{index}", CourseIndexSchema.Transcript, ContentValueSets.IdOf(video.Key), new Dictionary<string, IReadOnlyList<object>>
        {
            [Body] = [passage.Text],
            [VideoSlug] = [video.Slug],
            [VideoTitle] = [video.Title],
            [Start] = [passage.Start],
            [Url] = [ContentUrls.VideoAt(video, passage.Start)],
            [ChapterTitle] = passage.Chapter is { } chapter ? [chapter.Title] : [],
            [Cues] = [TranscriptHits.WriteCues(passage.Cues)],
        });
}
