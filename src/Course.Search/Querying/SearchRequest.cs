namespace Course.Search.Querying;

/// <summary>
/// A checked search: the text (at most <see cref="SearchLimits.MaxQueryLength"/> characters), exact filters on
/// facet fields (values of one field are alternatives; fields must all match) and the page to return.
/// </summary>
public sealed record SearchRequest(string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, int Page = 1, int PageSize = SearchLimits.DefaultPageSize)
{
    public SearchRequest(string text) : this(text, new Dictionary<string, IReadOnlyList<string>>()) { }
}

public static class SearchLimits
{
    /// <summary>Longer queries are cut here: enough for any sentence a person types, bounded work per query.</summary>
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    /// <summary>Deeper pages cost a priority queue of page × pageSize entries; nobody reads page 1001.</summary>
    public const int MaxPage = 1000;
    /// <summary>Facet values listed per field, most frequent first.</summary>
    public const int FacetValues = 20;
    /// <summary>A filter value longer than this cannot be a tag (tags have at most 60 characters).</summary>
    public const int MaxFilterLength = 100;
    public const int MaxFilterValues = 10;
}

/// <summary>What a search found: one page of hits, the total, and facet counts per facet field.</summary>
public sealed record SearchResults(
    string Query, int Total, TimeSpan Took, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, int Page, int PageSize);

/// <summary>
/// One hit: its id, category and score, an HTML snippet (text encoded, matches in <c>&lt;mark&gt;</c>) and its
/// stored values (the first of each field).
/// </summary>
public sealed record SearchHit(string Id, string Category, float Score, string Snippet, IReadOnlyDictionary<string, object> Values)
{
    public string? Text(string field) => Values.TryGetValue(field, out var value) ? value as string : null;

    public int? Number(string field) => Values.TryGetValue(field, out var value) && value is int number ? number : null;
}

/// <summary>How many hits carry a facet value.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>A search-as-you-type completion: a document's title (with its url) or a tag value (with its field as type).</summary>
public sealed record Suggestion(string Text, string Type, string? Url);
