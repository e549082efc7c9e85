using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A word in a field, scored exactly as Lucene's <see cref="TermQuery"/>, whose place in the segments comes from the
/// reader's <see cref="TermLookups"/> and whose scorers seek the thread's own terms enumerator of the field
/// (<see cref="SegmentTerms"/>) when its postings are not kept (<see cref="KeptPostings"/>). Lucene's term weight built a
/// new enumerator (frames, FST arcs) for every word, segment and search only to read where the word's postings start,
/// and a search scores dozens of words: a sixth of what a search allocated.
/// </summary>
internal sealed class LookedUpTermQuery(Term term) : TermQuery(term)
{
    public override Weight CreateWeight(IndexSearcher searcher) =>
        new LookedUpWeight(this, searcher, TermLookups.Of(searcher.IndexReader).Of(Term));

    /// <summary>What Lucene's term weight computes: the similarity's weight over the word's statistics.</summary>
    private sealed class LookedUpWeight(LookedUpTermQuery query, IndexSearcher searcher, TermContext context) : FrequencyWeight(
        query, searcher.Similarity,
        searcher.Similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, context)),
        "termFreq")
    {
        public override Scorer? GetScorer(AtomicReaderContext leaf, IBits? acceptDocs)
        {
            if (context.Get(leaf.Ord) is not { } state) return null; // a word the segment lacks
            return KeptPostings.Of(leaf, query.Term, state).Scorer(this, DocScorer(leaf), acceptDocs);
        }
    }
}
