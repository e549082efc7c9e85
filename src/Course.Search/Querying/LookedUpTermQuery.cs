using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A word in a field, scored exactly as Lucene's <see cref="TermQuery"/>, whose place in the segments comes from the
/// reader's <see cref="TermLookups"/> and whose scorers seek the thread's own terms enumerator of the field
/// (<see cref="SegmentTerms"/>). Lucene's term weight built a new enumerator (frames, FST arcs) for every word, segment
/// and search only to read where the word's postings start, and a search scores dozens of words: a sixth of what a
/// search allocated.
/// </summary>
internal sealed class LookedUpTermQuery(Term term, TermLookups lookups) : TermQuery(term)
{
    public override Weight CreateWeight(IndexSearcher searcher) =>
        new LookedUpWeight(this, searcher, lookups.Reader == searcher.IndexReader ? lookups.Of(Term) : TermLookups.Of(searcher.IndexReader).Of(Term));

    /// <summary>What Lucene's term weight computes: the similarity's weight over the word's statistics.</summary>
    private sealed class LookedUpWeight : Weight
    {
        private readonly LookedUpTermQuery query;
        private readonly TermContext context;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight stats;

        public LookedUpWeight(LookedUpTermQuery query, IndexSearcher searcher, TermContext context)
        {
            this.query = query;
            this.context = context;
            similarity = searcher.Similarity;
            stats = similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, context));
        }

        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext leaf, IBits? acceptDocs)
        {
            if (context.Get(leaf.Ord) is not { } state) return null; // a word the segment lacks
            var postings = SearchPostings.Docs(leaf, SegmentTerms.At(leaf, query.Term, state), acceptDocs);
            return new WordScorer(this, postings, similarity.GetSimScorer(stats, leaf));
        }

        public override Explanation Explain(AtomicReaderContext leaf, int doc)
        {
            if (GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var score = similarity.GetSimScorer(stats, leaf).Explain(doc, new Explanation(scorer.Freq, $"termFreq={scorer.Freq}"));
                var match = new ComplexExplanation(true, score.Value, $"weight({query} in {doc}) [{similarity.GetType().Name}], result of:");
                match.AddDetail(score);
                return match;
            }
            return new ComplexExplanation(false, 0, "no matching term");
        }
    }

    /// <summary>A word's postings, each document scored by how often it holds the word (Lucene's term scorer).</summary>
    private sealed class WordScorer(Weight weight, DocsEnum postings, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        public override int DocID => postings.DocID;

        public override int Freq => postings.Freq;

        public override float GetScore() => docScorer.Score(postings.DocID, postings.Freq);

        public override int NextDoc() => postings.NextDoc();

        public override int Advance(int target) => postings.Advance(target);

        public override long GetCost() => postings.GetCost();
    }
}

/// <summary>
/// One terms enumerator per thread and field of a segment, sought to a word whose place is known: a scorer only needs it
/// to open the word's postings, which then stand on their own, so the next scorer can seek the same enumerator (as
/// Lucene's own phrase weight does across a phrase's words). Kept weakly: a merged-away segment takes its own along.
/// </summary>
internal static class SegmentTerms
{
    [ThreadStatic] private static ConditionalWeakTable<Terms, TermsEnum>? enumerators;

    public static TermsEnum At(AtomicReaderContext leaf, Term term, TermState state)
    {
        var terms = leaf.AtomicReader.GetTerms(term.Field)!; // a term with a state in this segment has its field there
        var kept = enumerators ??= new ConditionalWeakTable<Terms, TermsEnum>();
        if (!kept.TryGetValue(terms, out var enumerator))
        {
            enumerator = terms.GetEnumerator();
            kept.AddOrUpdate(terms, enumerator);
        }
        enumerator.SeekExact(term.Bytes, state);
        return enumerator;
    }
}
