using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A search in two steps. First each segment's matches are found without scoring, which gives the exact total and
/// facet counts. Then only the documents that can make the page are scored with the whole query: all of them when
/// few pass (a course-sized site, a narrow filter), else the leaders of the query's clauses. A common word matches
/// most of a large index, and scoring every match was most of a search's cost there.
/// </summary>
internal static class RankedSearch
{
    /// <summary>Up to this many passing documents are all scored, so ranking is exact, in well under a millisecond.</summary>
    private const int ScoreAllUpTo = 4096;

    /// <summary>The best <paramref name="wanted"/> documents; <paramref name="facets"/> holds the total and counts after.</summary>
    public static TopDocsCollector<ScoreDoc> Top(IndexSearcher searcher, Query query, FacetCounts facets, int wanted)
    {
        var leaves = searcher.IndexReader.Leaves;
        var passing = new FixedBitSet[leaves.Count];
        for (var i = 0; i < leaves.Count; i++) passing[i] = facets.Count(leaves[i].AtomicReader, MatchSets.Of(searcher, query, leaves[i]));

        var scored = facets.Total <= ScoreAllUpTo || wanted > ClauseLeaders.Depth / 2
            ? passing
            : Leading(ClauseLeaders.Of(searcher.IndexReader).Of(searcher, query, facets), leaves, passing, wanted) ?? passing;

        var top = TopScoreDocCollector.Create(wanted, docsScoredInOrder: true);
        // The candidates lead and each clause's scorer advances to them, so its skip lists pass over the postings in
        // between: accepted documents given to the query instead would still have every posting decoded.
        var scoring = CandidatePhrases.Within(query, searcher, scored);
        searcher.Search(new FilteredQuery(scoring, new Candidates(scored), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), top);
        return top;
    }

    /// <summary>Each segment's documents to score, by the segment's place in the reader; none for a segment without any.</summary>
    private sealed class Candidates(FixedBitSet[] perSegment) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            perSegment[context.Ord] is { } set && set.Cardinality > 0 ? set : null;
    }

    // The passing documents among the leaders, per segment; null when they cannot fill the page.
    private static FixedBitSet[]? Leading(int[] leaders, IList<AtomicReaderContext> leaves, FixedBitSet[] passing, int wanted)
    {
        var leading = new FixedBitSet[leaves.Count];
        var count = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            var segment = leaves[i];
            leading[i] = new FixedBitSet(segment.AtomicReader.MaxDoc);
            var first = Array.BinarySearch(leaders, segment.DocBase);
            for (var at = first >= 0 ? first : ~first; at < leaders.Length && leaders[at] < segment.DocBase + segment.AtomicReader.MaxDoc; at++)
            {
                var doc = leaders[at] - segment.DocBase;
                if (!passing[i].Get(doc)) continue;
                leading[i].Set(doc);
                count++;
            }
        }
        return count >= wanted ? leading : null;
    }
}
