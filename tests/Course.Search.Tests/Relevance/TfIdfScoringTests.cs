using Course.Search.Content;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Course.Search.Tests.Relevance;

/// <summary>The searcher's similarity scores and explains exactly as Lucene's default one; it only words idf explanations later.</summary>
public sealed class TfIdfScoringTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    [Fact]
    public void Words_and_phrases_score_and_are_explained_as_by_Lucenes_default_similarity()
    {
        var phrase = new PhraseQuery { new Term(CourseIndexSchema.Body, "slow"), new Term(CourseIndexSchema.Body, "sustain") };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(CourseIndexSchema.Body, "pressur")), Occur.SHOULD },
            { new TermQuery(new Term(CourseIndexSchema.Title, "myofasci")) { Boost = 5 }, Occur.SHOULD },
            { phrase, Occur.SHOULD },
        };
        generated.Index.Read(searcher =>
        {
            Assert.IsType<TfIdfScoring>(searcher.Similarity);
            var lucenes = new IndexSearcher(searcher.IndexReader) { Similarity = new DefaultSimilarity() };

            var ours = ScoredMatches.Of(searcher, query);
            Assert.True(ours.Count > 100, $"{ours.Count} matches");
            Assert.Equal(ScoredMatches.Of(lucenes, query), ours);
            // Word for word but for the similarity's name.
            foreach (var match in ours.Take(10))
                Assert.Equal(lucenes.Explain(query, match.Doc).ToString(),
                    searcher.Explain(query, match.Doc).ToString().Replace($"[{nameof(TfIdfScoring)}]", $"[{nameof(DefaultSimilarity)}]"));
            return 0;
        });
    }
}
