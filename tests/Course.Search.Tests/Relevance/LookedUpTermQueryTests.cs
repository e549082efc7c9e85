using Course.Search.Content;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// The search's term query must find and score every document as Lucene's <see cref="TermQuery"/> does, and scorers
/// opened one after the other on the thread's shared terms enumerator must not disturb each other. Checked on the
/// generated index (two segments, deleted documents).
/// </summary>
public sealed class LookedUpTermQueryTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    public static TheoryData<string, string> Words => new()
    {
        { CourseIndexSchema.Body, "pressur" },
        { CourseIndexSchema.Body, "slow" },
        { CourseIndexSchema.Title, "myofasci" },
        { CourseIndexSchema.Muscle, "piriformi" },
        { CourseIndexSchema.Region, "hip" },
        { CourseIndexSchema.Body, "zygomaticu" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Finds_and_scores_every_document_as_Lucenes_term_query(string field, string word)
    {
        var term = new Term(field, word);
        var (expected, found) = generated.Index.Read(searcher =>
            (ScoredMatches.Of(searcher, new TermQuery(term) { Boost = 1.5f }), ScoredMatches.Of(searcher, new LookedUpTermQuery(term).WithBoost(1.5f))));

        Assert.Equal(expected, found);
        if (word != "zygomaticu") Assert.True(expected.Count > 100, $"{expected.Count} matches");
        // Explained as Lucene explains it (an explanation multiplies in another order than the score: the last bits differ).
        Assert.All(found.Take(20), match => generated.Index.Read(searcher =>
        {
            var theirs = searcher.Explain(new TermQuery(term) { Boost = 1.5f }, match.Doc);
            var ours = searcher.Explain(new LookedUpTermQuery(term).WithBoost(1.5f), match.Doc);
            Assert.True(ours.IsMatch);
            Assert.Equal(theirs.Value, ours.Value);
            return 0;
        }));
    }

    [Fact]
    public void Scorers_of_one_field_opened_in_turn_on_a_thread_each_keep_their_own_word()
    {
        generated.Index.Read(searcher =>
        {
            var words = new[] { "slow", "pressur", "tissu", "hold" };
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var alone = words.Select(w => Docs(searcher.CreateNormalizedWeight(new TermQuery(new Term(CourseIndexSchema.Body, w))).GetScorer(leaf, leaf.AtomicReader.LiveDocs)!)).ToList();
                // All four open at once, then read in turns: as a search's clauses are.
                var scorers = words.Select(w => searcher.CreateNormalizedWeight(new LookedUpTermQuery(new Term(CourseIndexSchema.Body, w))).GetScorer(leaf, leaf.AtomicReader.LiveDocs)!).ToList();
                var together = scorers.Select(_ => new List<(int, float)>()).ToList();
                for (var more = true; more;)
                {
                    more = false;
                    for (var i = 0; i < scorers.Count; i++)
                    {
                        if (scorers[i].NextDoc() == DocIdSetIterator.NO_MORE_DOCS) continue;
                        together[i].Add((scorers[i].DocID, scorers[i].GetScore()));
                        more = true;
                    }
                }
                for (var i = 0; i < words.Length; i++) Assert.Equal(alone[i], together[i]);
            }
            return 0;
        });
    }

    private static List<(int, float)> Docs(Scorer scorer)
    {
        var docs = new List<(int, float)>();
        while (scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) docs.Add((scorer.DocID, scorer.GetScore()));
        return docs;
    }
}
