using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Course.Search.Querying;

/// <summary>
/// Lucene's default similarity (TF-IDF) in every figure; only its idf explanations are worded when read. Lucene words
/// one ("idf(docFreq=…, maxDocs=…)") for every word of every weight it builds, so each first-seen search formatted
/// dozens of strings that nothing reads unless a score is explained.
/// </summary>
internal sealed class TfIdfScoring : DefaultSimilarity
{
    public static readonly TfIdfScoring Instance = new();

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats) =>
        new IdfExplanation(Idf(termStats.DocFreq, collectionStats.MaxDoc), termStats.DocFreq, collectionStats.MaxDoc);

    // As Lucene sums a phrase's idf: word by word, in the phrase's order, so the float is the same to the last bit.
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
    {
        var sum = new Explanation { Description = "idf(), sum of:" };
        var idf = 0f;
        foreach (var stat in termStats)
        {
            var termIdf = Idf(stat.DocFreq, collectionStats.MaxDoc);
            sum.AddDetail(new IdfExplanation(termIdf, stat.DocFreq, collectionStats.MaxDoc));
            idf += termIdf;
        }
        sum.Value = idf;
        return sum;
    }

    private sealed class IdfExplanation(float idf, long docFreq, long maxDoc) : Explanation(idf, null)
    {
        private string? description;

        public override string Description
        {
            get => description ??= $"idf(docFreq={docFreq}, maxDocs={maxDoc})";
            set => description = value;
        }
    }
}
