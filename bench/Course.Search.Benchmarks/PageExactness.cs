using Course.Search.Analysis;
using Course.Search.Indexing;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using IBits = Lucene.Net.Util.IBits;

namespace Course.Search.Benchmarks;

/// <summary>
/// How often the page a search returns holds the best-scored documents: its scores beside those of Lucene scoring every
/// match of the same query (as LargeIndexTests does at 12k), since at this size a search scores only its candidates.
/// </summary>
public static class PageExactness
{
    // Scores equal but for the last bits of a float: BooleanScorer2 sums clauses in another order than a full pass.
    private const float Tolerance = 1e-5f;

    public static void Print(string corpus, CourseSearcher searcher, CourseIndex index, SynonymList synonyms, IReadOnlyList<QuerySet.Query> queries)
    {
        var builder = new QueryBuilder(index.Schema, synonyms, index.Analyzer);
        var inexact = new List<string>();
        foreach (var request in queries.Select(q => q.ToRequest()))
        {
            var page = searcher.Search(request).Hits.Select(h => h.Score).ToList();
            var best = BestScores(builder, index, request);
            var shortfall = page.Count != best.Count ? 1 : page.Zip(best, (found, exact) => 1 - found / exact).DefaultIfEmpty(0).Max();
            if (shortfall > Tolerance) inexact.Add($"\"{request.Text}\" (a score {shortfall:0.0%} under the best)");
        }
        var exactPages = queries.Count - inexact.Count;
        Console.WriteLine($"pages equal to scoring every match: {exactPages} of {queries.Count}" + (inexact.Count == 0 ? "" : "; not: " + string.Join(", ", inexact)));
        Table.Row(corpus, "pages equal to scoring every match", $"{exactPages} of {queries.Count}", "-", "-", "-");
    }

    // The page's share of the scores, best first, when every document that matches and passes the filters is scored.
    private static List<float> BestScores(QueryBuilder builder, CourseIndex index, SearchRequest request)
    {
        var text = QueryText.Analyze(request.Text, index.Analyzer, index.Schema.TitleField);
        return index.Read(searcher =>
        {
            var query = builder.Build(text, searcher);
            var filter = request.Filters.Count == 0 ? null : new Passing(new FacetCounts(index.Schema.Facets, request.Filters));
            var top = searcher.Search(query, filter, request.Page * request.PageSize);
            return top.ScoreDocs.Skip((request.Page - 1) * request.PageSize).Select(d => d.Score).ToList();
        });
    }

    /// <summary>The documents that pass the request's filters.</summary>
    private sealed class Passing(FacetCounts filters) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            BitsFilteredDocIdSet.Wrap(filters.Filter(context.AtomicReader), acceptDocs);
    }
}
