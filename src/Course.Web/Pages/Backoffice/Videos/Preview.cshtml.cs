using Course.Core.Content;
using Course.Data.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages.Backoffice.Videos;

/// <summary>The video page rendered from the stored video, draft or not, for editors only.</summary>
[OutputCache(NoStore = true)]
public sealed class PreviewModel(PublishedContentCache cache, CommentService comments, VideoService videos, Site.PublicAddress address)
    : VideoModel(cache, comments, address)
{
    public bool IsDraft { get; private set; }

    // The published content with this video as stored in its place, so its page and links render as they will.
    protected override async Task<PublishedContent> ContentAsync(string slug, CancellationToken cancellationToken)
    {
        var published = Cache.Current;
        if (await videos.FindAsync(slug, cancellationToken) is not { } stored) return published;
        IsDraft = !stored.Published;
        return new PublishedContent(
            published.Videos.Where(v => v.Key != stored.Key).Append(stored with { Published = true }),
            published.Techniques);
    }
}
