namespace Course.Core.Notifications;

/// <summary>Marker for things that happened in the content store, in the manner of Umbraco's notifications.</summary>
public interface INotification;

/// <summary>Reacts to a notification after the change it reports is saved; runs before the change's caller returns.</summary>
public interface INotificationHandler<in TNotification> where TNotification : INotification
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}

public interface INotificationPublisher
{
    Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification;
}

public enum ContentKind { Video, Technique, Comment }

public enum ContentChange { Saved, Published, Unpublished, Deleted }

/// <summary>A video, technique or comment was saved, published, unpublished or deleted.</summary>
public sealed record ContentChangedNotification(ContentKind Kind, Guid Key, ContentChange Change) : INotification;
