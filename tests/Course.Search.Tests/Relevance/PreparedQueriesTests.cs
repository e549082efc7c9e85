using Course.Search.Content;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// A search text is prepared (analysed, built, weighed) again until it is asked a second time; from then on its
/// prepared query is kept for the index snapshot, and a search answers from it as it answered before.
/// </summary>
public sealed class PreparedQueriesTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    [Fact]
    public void A_text_is_kept_the_second_time_it_is_asked()
    {
        var queries = new PreparedQueries(seed.Index.Schema, new QueryBuilder(seed.Index.Schema, SeedCourse.Synonyms(), seed.Index.Analyzer), seed.Index.Analyzer);
        seed.Index.Read(searcher =>
        {
            var first = queries.For(searcher, "hip rotators");
            var second = queries.For(searcher, "hip rotators");
            var third = queries.For(searcher, "hip rotators");
            Assert.NotSame(first, second);
            Assert.Same(second, third);
            Assert.Equal(first!.Query.ToString(), third!.Query.ToString());
            return 0;
        });
    }

    [Fact]
    public void Texts_asked_lately_are_told_from_new_ones()
    {
        // 1,000 texts asked round and round: a text is forgotten only when other texts took both its slots. Hashes differ
        // from run to run: in 1,000 simulated runs at least 973 were known, against at most 975 with one slot per text
        // (where two texts sharing it push each other out for ever).
        var asked = new AskedKeys(2048);
        var texts = Enumerable.Range(0, 1000).Select(i => $"keystroke {i}").ToList();
        Assert.All(texts, text => Assert.False(asked.Again(text)));
        Assert.True(texts.Count(asked.Again) >= 970, "texts asked a moment ago were forgotten");
        Assert.False(asked.Again("a text never asked"));
        Assert.False(asked.Again(""));
        Assert.True(asked.Again(""));
    }

    [Fact]
    public void A_kept_text_answers_as_a_new_one()
    {
        var first = seed.Search("glute max stretch");
        var kept = seed.Search("glute max stretch");
        Assert.Equal(first.Hits.Select(h => (h.Id, h.Score)), kept.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(first.Total, kept.Total);
    }
}
