using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Web.Api;
using Course.Web.Composition;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;

namespace Course.Web.Pages;

/// <summary>
/// <c>/search</c>: a plain GET form and its results grouped by type, with facet filters and paging. The search
/// script swaps in this page's results as the visitor types; without it the form works the same.
/// </summary>
[OutputCache(PolicyName = SearchCachePolicies.Search)]
public sealed class SearchModel(CourseSearcher searcher, PublishedContentCache cache) : PageModel
{
    private static readonly Dictionary<string, string> Headings = new()
    {
        [CourseIndexSchema.Technique] = "Techniques",
        [CourseIndexSchema.Chapter] = "Chapters",
        [CourseIndexSchema.Video] = "Videos",
        [CourseIndexSchema.Comment] = "Comments",
        [CourseIndexSchema.Transcript] = "Said in the videos",
    };

    public PublishedContent Published { get; private set; } = PublishedContent.Empty;
    public SearchRequest? Asked { get; private set; }
    /// <summary>Null until something searchable was asked for.</summary>
    public SearchResults? Results { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string Query { get; private set; } = "";

    // "page" is Razor Pages' own route value (the page's path), so the page number is read from the query by name.
    public IActionResult OnGet(
        string? q, string[]? type, string[]? muscle, string[]? region, [FromQuery(Name = "page")] string? pageNumber, string? pageSize)
    {
        Published = cache.Current;
        Query = SearchInputRules.Cut(q?.Trim() ?? "");
        var errors = new InputErrors();
        Asked = SearchInputRules.Check(CourseSearchInput.From(q, type, muscle, region, pageNumber, pageSize), searcher.Schema, errors);
        if (Asked is null)
        {
            Errors = errors.ToDictionary();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Asked.Text.Length > 0) Results = TranscriptHits.Locate(searcher.Search(Asked));
        return Page();
    }

    /// <summary>The hits of this page grouped by type, groups in the order of their best hit.</summary>
    public IEnumerable<(string Heading, IReadOnlyList<SearchHit> Hits)> Groups =>
        (Results?.Hits ?? []).GroupBy(h => h.Category).Select(g => (Headings.GetValueOrDefault(g.Key, g.Key), (IReadOnlyList<SearchHit>)g.ToList()));

    public bool IsActive(string field, string value) => Asked?.Filters.GetValueOrDefault(field)?.Contains(value) == true;

    /// <summary>This search with <paramref name="value"/> of <paramref name="field"/> chosen, or dropped when it was chosen; back to page 1.</summary>
    public string Toggle(string field, string value)
    {
        var filters = Filters().Where(f => !(f.Key == field && f.Value == value)).ToList();
        if (!IsActive(field, value)) filters.Add(new(field, value));
        return Link(filters, 1);
    }

    public string PageLink(int page) => Link(Filters().ToList(), page);

    public IReadOnlyList<ChapterLink> ChaptersOf(SearchHit hit) =>
        Published.FindTechnique(hit.Text(CourseIndexSchema.Slug) ?? "") is { } technique ? Published.ChaptersShowing(technique) : [];

    private IEnumerable<KeyValuePair<string, string?>> Filters() =>
        (Asked?.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string?>(f.Key, v)));

    private string Link(List<KeyValuePair<string, string?>> filters, int page)
    {
        var parameters = new List<KeyValuePair<string, string?>> { new("q", Query) };
        parameters.AddRange(filters);
        if (page > 1) parameters.Add(new("page", page.ToString()));
        if (Asked is { PageSize: not SearchLimits.DefaultPageSize } r) parameters.Add(new("pageSize", r.PageSize.ToString()));
        return QueryHelpers.AddQueryString("/search", parameters);
    }
}
