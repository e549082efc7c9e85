using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

/// <summary><c>/videos/{slug}/transcript</c>: what is said in a published video, every line a link to its moment; for reading and for search engines.</summary>
[OutputCache(PolicyName = CachePolicies.Content)]
public sealed class TranscriptModel(PublishedContentCache cache) : PageModel
{
    public Video Video { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (cache.Current.FindVideo(slug) is not { Captions.Count: > 0 } video) return NotFound();
        Video = video;
        return Page();
    }

    public string AbsoluteUrl(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
}
