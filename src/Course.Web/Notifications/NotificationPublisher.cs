using Course.Core.Notifications;

namespace Course.Web.Notifications;

/// <summary>
/// Runs every registered handler in registration order and waits for all of them, so that when an
/// editor's call returns, pages and search already show the change.
/// </summary>
internal sealed class NotificationPublisher(IServiceProvider services) : INotificationPublisher
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
            await handler.HandleAsync(notification, cancellationToken);
    }
}
