using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// The search's exact phrase must find the documents Lucene's <see cref="PhraseQuery"/> finds, with the same phrase
/// counts and the same scores to the last bit: it only drops the scorer's counting table. Checked on the generated
/// index (two segments, deleted documents, words repeated in bodies, several muscles per document).
/// </summary>
public sealed class ExactPhraseQueryTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    public static TheoryData<string, string> Phrases => new()
    {
        { CourseIndexSchema.Body, "slow sustained pressure" },
        { CourseIndexSchema.Body, "pressure tissue" },
        { CourseIndexSchema.Body, "slow slow" },
        { CourseIndexSchema.Body, "hold release stretch" },
        { CourseIndexSchema.Body, "gluteus medius" },
        { CourseIndexSchema.Body, "medius gluteus" },
        { CourseIndexSchema.Title, "myofascial release" },
        { CourseIndexSchema.Title, "for the hamstrings with the forearm" },
        { CourseIndexSchema.Title, "the piriformis prone" },
        { CourseIndexSchema.Muscle, "gluteus medius" },
        // Two muscles of one document are a position gap apart: never a phrase.
        { CourseIndexSchema.Muscle, "medius piriformis" },
        { CourseIndexSchema.Techniques, "pin and stretch for the trapezius" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Finds_and_scores_every_document_as_Lucenes_phrase_query(string field, string text)
    {
        var terms = Analyzed(field, text);
        var lucene = new PhraseQuery();
        var ours = new ExactPhraseQuery();
        foreach (var (term, position) in terms)
        {
            lucene.Add(new Term(field, term), position);
            ours.Add(new Term(field, term), position);
        }
        lucene.Boost = ours.Boost = 2.5f;

        var (expected, found) = generated.Index.Read(searcher => (ScoredMatches.Of(searcher, lucene), ScoredMatches.Of(searcher, ours)));

        Assert.Equal(expected, found);
        if (text != "medius piriformis") Assert.NotEmpty(expected);
        Assert.All(found.Take(20), match => Assert.Equal(Explained(lucene, match.Doc), Explained(ours, match.Doc)));
    }

    [Fact]
    public void A_word_the_index_lacks_matches_nothing()
    {
        var found = generated.Index.Read(searcher =>
        {
            var query = new ExactPhraseQuery();
            query.Add(new Term(CourseIndexSchema.Body, "slow"));
            query.Add(new Term(CourseIndexSchema.Body, "zygomaticus"));
            return ScoredMatches.Of(searcher, query);
        });

        Assert.Empty(found);
    }

    // Its value, and its words as Lucene writes them.
    private (float Value, string Text) Explained(Query query, int doc) => generated.Index.Read(searcher =>
    {
        var explanation = searcher.Explain(query, doc);
        Assert.True(explanation.IsMatch);
        return (explanation.Value, explanation.ToString());
    });

    private List<(string Term, int Position)> Analyzed(string field, string text)
    {
        var terms = AnalyzedTerm.Read(generated.Index.Analyzer, field, text);
        Assert.True(terms.Count > 1, $"'{text}' is not a phrase in {field}");
        return [.. terms.Select(t => (t.Text, t.Position - terms[0].Position))];
    }
}
