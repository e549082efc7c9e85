using System.Diagnostics;
using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>Answers searches and completions from the newest snapshot of a <see cref="CourseIndex"/>.</summary>
public sealed class CourseSearcher
{
    private readonly CourseIndex index;
    private readonly PreparedQueries queries;
    private readonly StoredHits stored;
    private readonly Completions completions;

    public CourseSearcher(CourseIndex index, SynonymList synonyms)
    {
        this.index = index;
        queries = new PreparedQueries(index.Schema, new QueryBuilder(index.Schema, synonyms, index.Analyzer), index.Analyzer);
        stored = new StoredHits(index.Schema, index.Analyzer);
        completions = new Completions(index.Schema, index.Analyzer, stored);
    }

    public IndexSchema Schema => index.Schema;

    public SearchResults Search(SearchRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Page, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1, nameof(request));
        var started = Stopwatch.StartNew();
        request = request with { Text = SearchInputRules.Cut(request.Text) };
        return index.Read(searcher =>
        {
            using var postings = SearchPostings.Begin();
            if (queries.For(searcher, request.Text) is not { } query) return Empty(request, started);
            var reader = searcher.IndexReader;
            var skip = (long)(request.Page - 1) * request.PageSize;
            var wanted = (int)Math.Clamp(skip + request.PageSize, 1, Math.Max(1, reader.MaxDoc));
            var facets = new FacetCounts(index.Schema.Facets, request.Filters);
            var top = RankedSearch.Top(searcher, query, facets, wanted);

            var docs = skip >= wanted ? [] : top.GetTopDocs((int)skip, request.PageSize).ScoreDocs;
            var hits = new List<SearchHit>(docs.Length);
            foreach (var doc in docs)
            {
                var hit = stored.Get(reader, doc.Doc);
                hits.Add(new SearchHit(hit.Id, hit.Category, doc.Score, query.Snippets.For(hit.Snippet.Value), hit.Values));
            }
            return new SearchResults(request.Text, facets.Total, started.Elapsed, hits, facets.Facets(SearchLimits.FacetValues), request.Page, request.PageSize);
        });
    }

    /// <summary>Titles and tag values that complete what has been typed so far; nothing for fewer than two letters.</summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int count = 8) =>
        index.Read(searcher => completions.For(searcher, SearchInputRules.Cut(typed), count));

    private SearchResults Empty(SearchRequest request, Stopwatch started) => new(
        request.Text, 0, started.Elapsed, [],
        index.Schema.Facets.ToDictionary(f => f, _ => (IReadOnlyList<FacetCount>)[], StringComparer.Ordinal),
        request.Page, request.PageSize);
}
