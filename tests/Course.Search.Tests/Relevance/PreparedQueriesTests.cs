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
        var asked = new AskedTexts(4096);
        var texts = Enumerable.Range(0, 100).Select(i => $"keystroke {i}").ToList();
        Assert.All(texts, text => Assert.False(asked.Again(text)));
        // Each slot holds the last text whose hash chose it: 100 texts in 4,096 slots share about one (hashes differ from
        // run to run), and each shared slot forgets both of its texts when they are asked again in turn.
        Assert.True(texts.Count(asked.Again) >= 80, "texts asked a moment ago were forgotten");
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
