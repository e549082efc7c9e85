using Course.Core.Notifications;
using Course.Umbraco.Content;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;

namespace Course.Umbraco.Search;

/// <summary>
/// Keeps the published course (and so the search index) in step with Umbraco: a published <c>courseVideo</c> or
/// <c>technique</c> is taken in; one unpublished, deleted or moved to the recycle bin is taken out. Each change is
/// searchable when the handler returns.
/// </summary>
public sealed class CourseContentNotifications(PublishedCourse course, ICourseSearchIndex index) :
    INotificationAsyncHandler<ContentPublishedNotification>,
    INotificationAsyncHandler<ContentUnpublishedNotification>,
    INotificationAsyncHandler<ContentDeletedNotification>,
    INotificationAsyncHandler<ContentMovedToRecycleBinNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        Apply(notification.PublishedEntities, course.Publish, ContentChange.Published, cancellationToken);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        Apply(notification.UnpublishedEntities, course.Remove, ContentChange.Unpublished, cancellationToken);

    public Task HandleAsync(ContentDeletedNotification notification, CancellationToken cancellationToken) =>
        Apply(notification.DeletedEntities, course.Remove, ContentChange.Deleted, cancellationToken);

    public Task HandleAsync(ContentMovedToRecycleBinNotification notification, CancellationToken cancellationToken) =>
        Apply(notification.MoveInfoCollection.Select(move => move.Entity), course.Remove, ContentChange.Unpublished, cancellationToken);

    private async Task Apply(IEnumerable<IContent> entities, Func<IContent, ContentKind?> change, ContentChange what, CancellationToken cancellationToken)
    {
        foreach (var content in entities)
        {
            if (change(content) is ContentKind kind)
                await index.ContentChangedAsync(new ContentChangedNotification(kind, content.Key, what), cancellationToken);
        }
    }
}
