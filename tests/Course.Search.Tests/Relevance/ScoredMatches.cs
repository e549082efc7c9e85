using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>Every document a query matches, in index order, with its id, score and frequency (the scorer's own).</summary>
internal static class ScoredMatches
{
    public static List<(string Id, int Doc, float Score, int Freq)> Of(IndexSearcher searcher, Query query)
    {
        var matches = new List<(string, int, float, int)>();
        searcher.Search(query, new Every(matches));
        return matches;
    }

    private sealed class Every(List<(string, int, float, int)> matches) : ICollector
    {
        private AtomicReaderContext? segment;
        private Scorer? scorer;

        public bool AcceptsDocsOutOfOrder => false;
        public void SetScorer(Scorer scorer) => this.scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => segment = context;

        public void Collect(int doc) => matches.Add((
            segment!.AtomicReader.Document(doc).Get(Indexing.IndexSchema.IdField), segment.DocBase + doc, scorer!.GetScore(), scorer.Freq));
    }
}
