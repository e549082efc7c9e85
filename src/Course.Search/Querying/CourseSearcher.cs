using System.Diagnostics;
using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>Answers searches and completions from the newest snapshot of a <see cref="CourseIndex"/>.</summary>
public sealed class CourseSearcher(CourseIndex index, SynonymList synonyms)
{
    private readonly QueryBuilder queries = new(index.Schema, synonyms, index.Analyzer);
    private readonly Completions completions = new(index.Schema, index.Analyzer);

    public IndexSchema Schema => index.Schema;

    public SearchResults Search(SearchRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Page, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1, nameof(request));
        var started = Stopwatch.StartNew();
        request = request with { Text = SearchInputRules.Cut(request.Text) };
        var text = QueryText.Analyze(request.Text, index.Analyzer, index.Schema.TitleField);
        if (text.IsEmpty) return Empty(request, started);
        return index.Read(searcher =>
        {
            var reader = searcher.IndexReader;
            var query = queries.Build(text, reader);
            var skip = (long)(request.Page - 1) * request.PageSize;
            var wanted = (int)Math.Clamp(skip + request.PageSize, 1, Math.Max(1, reader.MaxDoc));
            // Out of order lets Lucene score a pure disjunction in buckets (BooleanScorer), faster on large match sets.
            var top = TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            var facets = new FacetCollector(top, index.Schema.Facets, request.Filters);
            searcher.Search(query, facets);

            var docs = skip >= wanted ? [] : top.GetTopDocs((int)skip, request.PageSize).ScoreDocs;
            var snippets = docs.Length == 0 ? null : new Snippets(index.Analyzer, index.Schema.SnippetField, searcher.Rewrite(query));
            var hits = docs.Select(d => Hit(searcher.Doc(d.Doc), d.Score, snippets!)).ToList();
            return new SearchResults(request.Text, facets.Total, started.Elapsed, hits, facets.Facets(SearchLimits.FacetValues), request.Page, request.PageSize);
        });
    }

    /// <summary>Titles and tag values that complete what has been typed so far; nothing for fewer than two letters.</summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int count = 8) =>
        index.Read(searcher => completions.For(searcher, SearchInputRules.Cut(typed), count));

    private SearchHit Hit(Document document, float score, Snippets snippets)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in document.Fields)
        {
            if (values.ContainsKey(field.Name)) continue;
            values[field.Name] = field.GetInt32Value() is int number ? number : field.GetStringValue();
        }
        return new SearchHit(
            document.Get(IndexSchema.IdField), document.Get(IndexSchema.CategoryField), score,
            snippets.For(document.Get(index.Schema.SnippetField)), values);
    }

    private SearchResults Empty(SearchRequest request, Stopwatch started) => new(
        request.Text, 0, started.Elapsed, [],
        index.Schema.Facets.ToDictionary(f => f, _ => (IReadOnlyList<FacetCount>)[], StringComparer.Ordinal),
        request.Page, request.PageSize);
}
