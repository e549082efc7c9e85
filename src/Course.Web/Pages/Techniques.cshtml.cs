using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

/// <summary><c>/techniques</c>: every published technique, narrowed by <c>?muscle=</c> and <c>?region=</c>.</summary>
[OutputCache(PolicyName = SearchCachePolicies.Techniques)]
public sealed class TechniquesModel(PublishedContentCache cache) : PageModel
{
    public string? Muscle { get; private set; }
    public string? Region { get; private set; }
    public IReadOnlyList<Technique> Techniques { get; private set; } = [];
    /// <summary>Every muscle and region of the published techniques, with how many techniques carry it.</summary>
    public IReadOnlyList<(string Value, int Count)> Muscles { get; private set; } = [];
    public IReadOnlyList<(string Value, int Count)> Regions { get; private set; } = [];

    public void OnGet(string? muscle, string? region)
    {
        var all = cache.Current.Techniques;
        // Tags are stored lower case and trimmed (TechniqueInputRules), so the filter is compared the same way.
        Muscle = Normalize(muscle);
        Region = Normalize(region);
        Techniques = all
            .Where(t => Muscle is null || t.Muscles.Contains(Muscle))
            .Where(t => Region is null || t.Regions.Contains(Region))
            .ToList();
        Muscles = Counts(all.SelectMany(t => t.Muscles));
        Regions = Counts(all.SelectMany(t => t.Regions));
    }

    /// <summary>This page with one filter set (or cleared, with null), the other kept.</summary>
    public string Link(string? muscle, string? region) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/techniques",
            new Dictionary<string, string?> { ["muscle"] = muscle, ["region"] = region }.Where(p => p.Value is not null));

    private static string? Normalize(string? tag) => string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();

    private static IReadOnlyList<(string, int)> Counts(IEnumerable<string> tags) =>
        tags.GroupBy(t => t).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
}
