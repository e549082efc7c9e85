using Course.Core.Notifications;
using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>
/// Keeps the index in step with content: after each change (and after the published cache is rebuilt), every
/// populator's part of the change is applied at once and is searchable when the editor's call returns.
/// </summary>
public sealed class ContentIndexing(CourseIndex index, IEnumerable<IIndexPopulator> populators)
    : INotificationHandler<ContentChangedNotification>
{
    public Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        var changes = populators.Select(p => p.GetChange(notification)).Where(c => !c.IsEmpty).ToList();
        if (changes.Count > 0) index.Apply(changes);
        return Task.CompletedTask;
    }
}
