using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

[OutputCache(PolicyName = CachePolicies.Content)]
public sealed class IndexModel(PublishedContentCache cache) : PageModel
{
    public IReadOnlyList<Video> Videos { get; private set; } = [];

    public void OnGet() => Videos = cache.Current.Videos;
}
