using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// The query to score the candidates with: the same query, but each phrase scored only in the segments where one of its
/// documents is a candidate. Lucene builds a phrase's scorer in every segment that holds all its words, and that
/// scorer sets up two 16 KiB tables; a synonym's phrase in six fields, in each segment, was a third of what a search
/// allocated. A phrase's documents are kept per segment already (<see cref="MatchSets"/>). The wrapping filter leaves
/// the phrase's weight, so every score stays what the query alone gives.
/// </summary>
internal static class CandidatePhrases
{
    public static Query Within(Query query, IndexSearcher searcher, FixedBitSet[] candidates) => query switch
    {
        PhraseQuery { Slop: 0 } phrase => new FilteredQuery(phrase, new AmongCandidates(phrase, searcher, candidates), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY),
        DisjunctionMaxQuery best => Rebuilt(best, searcher, candidates),
        BooleanQuery boolean => Rebuilt(boolean, searcher, candidates),
        _ => query,
    };

    private static DisjunctionMaxQuery Rebuilt(DisjunctionMaxQuery best, IndexSearcher searcher, FixedBitSet[] candidates)
    {
        var copy = new DisjunctionMaxQuery(best.TieBreakerMultiplier) { Boost = best.Boost };
        foreach (var disjunct in best.Disjuncts) copy.Add(Within(disjunct, searcher, candidates));
        return copy;
    }

    private static BooleanQuery Rebuilt(BooleanQuery boolean, IndexSearcher searcher, FixedBitSet[] candidates)
    {
        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses) copy.Add(Within(clause.Query, searcher, candidates), clause.Occur);
        return copy;
    }

    /// <summary>A segment's candidates, or none when the phrase is in none of them (then it builds no scorer there).</summary>
    private sealed class AmongCandidates(PhraseQuery phrase, IndexSearcher searcher, FixedBitSet[] candidates) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            candidates[context.Ord] is var set && MatchSets.Phrase(searcher, phrase, context).Intersects(set) ? set : null;
    }
}
