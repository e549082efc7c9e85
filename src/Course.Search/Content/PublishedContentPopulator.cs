using Course.Core.Content;
using Course.Core.Notifications;
using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>Techniques, videos and chapters from the published content as it is after each change.</summary>
public sealed class PublishedContentPopulator(Func<PublishedContent> current) : IIndexPopulator
{
    public IAsyncEnumerable<ValueSet> GetAllValueSetsAsync(CancellationToken cancellationToken) =>
        ContentValueSets.All(current()).ToAsyncEnumerable();

    public Task<IndexChange> GetChangeAsync(ContentChangedNotification notification, CancellationToken cancellationToken) =>
        Task.FromResult(Change(notification));

    private IndexChange Change(ContentChangedNotification notification)
    {
        var content = current();
        var id = ContentValueSets.IdOf(notification.Key);
        switch (notification.Kind)
        {
            case ContentKind.Video:
                // Removing the video removes its chapters too, so renamed or dropped chapters leave nothing behind.
                var video = content.Videos.FirstOrDefault(v => v.Key == notification.Key);
                return new IndexChange([id], video is null ? [] : ContentValueSets.ForVideo(video, content).ToList());
            case ContentKind.Technique:
                // Videos and chapters carry the technique's name and tags: re-index those that pick it (by id, so
                // children of other populators, such as comments, stay).
                var technique = content.Techniques.FirstOrDefault(t => t.Key == notification.Key);
                var showing = content.Videos
                    .Where(v => v.Chapters.Any(c => c.TechniqueKeys.Contains(notification.Key)))
                    .SelectMany(v => ContentValueSets.ForVideo(v, content));
                return new IndexChange([id], [.. technique is null ? [] : new[] { ContentValueSets.ForTechnique(technique) }, .. showing]);
            default:
                return IndexChange.None;
        }
    }
}
