using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Course.Search.Querying;

/// <summary>
/// A weight that scores each document by the similarity from a frequency its scorer counts (a word's, a phrase's), and
/// is normalized and explained as Lucene's term and phrase weights are: what <see cref="LookedUpTermQuery"/> and
/// <see cref="ExactPhraseQuery"/> share.
/// </summary>
/// <param name="frequency">how an explanation names the frequency: <c>termFreq</c>, <c>phraseFreq</c></param>
internal abstract class FrequencyWeight(Query query, Similarity similarity, Similarity.SimWeight stats, string frequency) : Weight
{
    public override Query Query => query;

    public override float GetValueForNormalization() => stats.GetValueForNormalization();

    public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

    /// <summary>Scores the segment's documents from their frequencies.</summary>
    protected Similarity.SimScorer DocScorer(AtomicReaderContext leaf) => similarity.GetSimScorer(stats, leaf);

    public override Explanation Explain(AtomicReaderContext leaf, int doc)
    {
        if (GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
        {
            var score = DocScorer(leaf).Explain(doc, new Explanation(scorer.Freq, $"{frequency}={scorer.Freq}"));
            var match = new ComplexExplanation(true, score.Value, $"weight({query} in {doc}) [{similarity.GetType().Name}], result of:");
            match.AddDetail(score);
            return match;
        }
        return new ComplexExplanation(false, 0, "no matching term");
    }
}
