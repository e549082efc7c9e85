using Course.Core.Notifications;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Notifications;

/// <summary>
/// Drops cached pages and API answers after any content change that visitors can see (a comment
/// awaiting moderation is not one). Registered last, after the published cache is rebuilt.
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : INotificationHandler<ContentChangedNotification>
{
    public const string ContentTag = "content";

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        if (notification is { Kind: ContentKind.Comment, Change: ContentChange.Saved }) return;
        await store.EvictByTagAsync(ContentTag, cancellationToken);
    }
}
