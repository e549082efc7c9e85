using Course.Core.Notifications;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Servers;

/// <summary>
/// Drops cached pages and API answers after any batch of changes that visitors can see (comments awaiting moderation
/// are not), on every node: a follower of the published cache, after the search index.
/// </summary>
/// <remarks>
/// Evicting alone leaves a race: a request that read the old content or index before the eviction can store its answer
/// after it, to be served until it expires. So every cached answer is also keyed by <see cref="Version"/>, read when
/// the request's cache key is made (before the handler reads anything) and moved on here once the cache and the index
/// hold the change: an answer computed before that is stored under a version nobody asks for any more.
/// </remarks>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IContentFollower
{
    public const string ContentTag = "content";

    private long version;

    public string Name => "output cache";

    /// <summary>How many visible batches this node has followed since it started.</summary>
    public long Version => Interlocked.Read(ref version);

    public async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        if (!changed.IsVisible) return;
        Interlocked.Increment(ref version);
        await store.EvictByTagAsync(ContentTag, cancellationToken);
    }
}

/// <summary>The one way a cache policy follows content: tagged for eviction and keyed by the content version.</summary>
internal static class ContentCachePolicy
{
    public static OutputCachePolicyBuilder FollowsContent(this OutputCachePolicyBuilder policy) => policy
        .Tag(OutputCacheEviction.ContentTag)
        .VaryByValue(context => new KeyValuePair<string, string>(
            "content-version", context.RequestServices.GetRequiredService<OutputCacheEviction>().Version.ToString(CultureInfo.InvariantCulture)));
}
