using Course.Core.Notifications;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Notifications;

/// <summary>Drops cached pages and API answers after any content change. Registered last, after the published cache is rebuilt.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : INotificationHandler<ContentChangedNotification>
{
    public const string ContentTag = "content";

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(ContentTag, cancellationToken);
}
