using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

/// <summary><c>/techniques/{slug}</c>: a technique's description, muscles and regions, and every chapter that shows it.</summary>
[OutputCache(PolicyName = CachePolicies.Content)]
public sealed class TechniqueModel(PublishedContentCache cache) : PageModel
{
    public Technique Technique { get; private set; } = null!;
    public IReadOnlyList<ChapterLink> Chapters { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        if (cache.Current.FindTechnique(slug) is not { } technique) return NotFound();
        Technique = technique;
        Chapters = cache.Current.ChaptersShowing(technique);
        return Page();
    }
}
