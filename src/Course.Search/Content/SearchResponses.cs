using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Course.Core.Content;
using Course.Search.Querying;

namespace Course.Search.Content;

// The JSON shapes of search answers (DESIGN.md's public contract; fields may be added, not renamed), shared by the
// Course site's /api/search and the Umbraco package's search endpoint.

/// <summary>
/// One page of a search. <c>snippet</c> is HTML: the text encoded, matched words in <c>&lt;mark&gt;</c>.
/// <c>facets</c> maps each facet (<c>type</c>, <c>muscle</c>, <c>region</c>) to value counts, most frequent first.
/// </summary>
public sealed record SearchResponse(
    string Query, int Total, double TookMs, int Page, int PageSize, IReadOnlyList<SearchHitResponse> Hits,
    IReadOnlyDictionary<string, Dictionary<string, int>> Facets)
{
    public static SearchResponse From(SearchResults results, PublishedContent content) => new(
        results.Query, results.Total, Math.Round(results.Took.TotalMilliseconds, 2), results.Page, results.PageSize,
        results.Hits.Select(h => SearchHitResponse.From(h, content)).ToList(),
        results.Facets.ToDictionary(f => f.Key, f => f.Value.ToDictionary(v => v.Value, v => v.Count)));
}

/// <summary>A hit; a chapter's <c>url</c> starts the video at <c>start</c>; a technique lists the chapters that show it.</summary>
public sealed record SearchHitResponse(
    string Type, string Title, string Url, string Snippet, double Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VideoSlug,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Start,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChapterLinkResponse>? Chapters)
{
    public static SearchHitResponse From(SearchHit hit, PublishedContent content) => new(
        hit.Category, hit.Text(CourseIndexSchema.Title) ?? "", hit.Text(CourseIndexSchema.Url) ?? "", hit.Snippet, Math.Round(hit.Score, 4),
        hit.Text(CourseIndexSchema.VideoSlug), hit.Number(CourseIndexSchema.Start),
        hit.Category == CourseIndexSchema.Technique && content.FindTechnique(hit.Text(CourseIndexSchema.Slug) ?? "") is { } technique
            ? ChapterLinkResponse.From(content.ChaptersShowing(technique))
            : null);
}

public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestionResponse> Suggestions);

/// <summary>A completion: a title leading to its page (a chapter to its second), or a muscle leading to its techniques.</summary>
public sealed record SuggestionResponse(string Text, string Type, string Url)
{
    public static SuggestionResponse From(Suggestion suggestion) => new(
        suggestion.Text, suggestion.Type,
        suggestion.Url ?? $"/techniques?{suggestion.Type}={Uri.EscapeDataString(suggestion.Text)}");
}

/// <summary>A chapter showing a technique: where it is (<c>url</c> starts the video there) and how pages cite it.</summary>
public sealed record ChapterLinkResponse(
    string VideoSlug, string VideoTitle, int Index, string Title, string Slug, int Start, int? End, string Url, string PageUrl, string Citation)
{
    // A technique's chapters are the same in every answer until the content changes, which makes new links: each list of
    // links is made into responses once (its urls and citation were made again for every technique hit of every search).
    private static readonly ConditionalWeakTable<IReadOnlyList<ChapterLink>, IReadOnlyList<ChapterLinkResponse>> Made = new();

    private static ChapterLinkResponse From(ChapterLink link) => new(
        link.Video.Slug, link.Video.Title, link.Chapter.Index, link.Chapter.Title, link.Chapter.Slug, link.Chapter.Start, link.Chapter.End,
        ContentUrls.ChapterStart(link.Video, link.Chapter), ContentUrls.Chapter(link.Video, link.Chapter), link.Citation);

    /// <summary>The responses of the chapters showing a technique (<see cref="PublishedContent.ChaptersShowing"/>), made once per list.</summary>
    public static IReadOnlyList<ChapterLinkResponse> From(IReadOnlyList<ChapterLink> links) =>
        Made.GetValue(links, static l => l.Select(From).ToList());
}
