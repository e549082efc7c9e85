using Course.Core.Notifications;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Servers;

/// <summary>
/// Drops cached pages and API answers after any batch of changes that visitors can see (comments awaiting moderation
/// are not), on every node: a follower of the published cache, after the search index.
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IContentFollower
{
    public const string ContentTag = "content";

    public string Name => "output cache";

    public async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        if (changed.IsVisible) await store.EvictByTagAsync(ContentTag, cancellationToken);
    }
}
