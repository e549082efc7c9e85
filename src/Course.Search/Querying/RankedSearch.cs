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
    public static TopDocsCollector<ScoreDoc> Top(IndexSearcher searcher, PreparedQuery query, FacetCounts facets, int wanted)
    {
        var leaves = searcher.IndexReader.Leaves;
        var passing = new FixedBitSet[leaves.Count];
        for (var i = 0; i < leaves.Count; i++) passing[i] = facets.Count(leaves[i].AtomicReader, MatchSets.Of(searcher, query.Query, leaves[i]));

        var scored = facets.Total <= ScoreAllUpTo || wanted > ClauseLeaders.Depth / 2
            ? passing
            : Leading(ClauseLeaders.Of(searcher.IndexReader).Of(searcher, query.Clauses, facets), leaves, passing, wanted) ?? passing;

        var top = TopScoreDocCollector.Create(wanted, docsScoredInOrder: true);
        foreach (var leaf in leaves)
        {
            if (scored[leaf.Ord].Cardinality == 0) continue;
            // The candidates lead and each clause's scorer advances to them, so its skip lists pass over the postings in
            // between: accepted documents given to the query instead would still have every posting decoded.
            var candidates = FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY.FilteredBulkScorer(leaf, query.Weight, scoreDocsInOrder: true, scored[leaf.Ord]);
            if (candidates is null) continue;
            top.SetNextReader(leaf);
            candidates.Score(top);
        }
        return top;
    }

    // The passing documents among the leaders, per segment; null when they cannot fill the page.
    private static FixedBitSet[]? Leading(IEnumerable<int[]> leaders, IList<AtomicReaderContext> leaves, FixedBitSet[] passing, int wanted)
    {
        var leading = leaves.Select(leaf => new FixedBitSet(leaf.AtomicReader.MaxDoc)).ToArray();
        var count = 0;
        foreach (var doc in leaders.SelectMany(clause => clause))
        {
            var segment = ReaderUtil.SubIndex(doc, leaves);
            var inSegment = doc - leaves[segment].DocBase;
            if (!passing[segment].Get(inSegment) || leading[segment].Get(inSegment)) continue;
            leading[segment].Set(inSegment);
            count++;
        }
        return count >= wanted ? leading : null;
    }
}
