using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

[OutputCache(PolicyName = CachePolicies.Content)]
public sealed class IndexModel(PublishedContentCache cache) : PageModel
{
    public PublishedContent Published { get; private set; } = PublishedContent.Empty;
    public IReadOnlyList<Video> Videos => Published.Videos;

    public void OnGet() => Published = cache.Current;
}
