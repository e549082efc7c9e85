using Course.Search.Querying;
using Course.Search.Tests.Seed;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// The built query holds no query of a word (or phrase) in a field that lacks it: such a query matched nothing and
/// only cost every search its weight and scorer. What stays must rank as before: a synonym's alternatives keep their
/// places in each field (empty where the field lacks one), since the coord factor counts them.
/// </summary>
public sealed class QueryBuilderTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    public static TheoryData<string> Texts => new()
    {
        "piriformis", "glute max stretch", "piriformus", "longitudinaly", "hip rot", "external hip rotators",
        "\"hip rotators\" longitudinally", "TFL abduction", "lower back", "sciatca symptoms", "landmarks g",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_word_and_phrase_in_the_query_is_in_its_field(string typed)
    {
        var absent = Build(typed, (query, reader) => Terms(query).Where(term => reader.DocFreq(term) == 0).Select(term => term.ToString()).ToList());
        Assert.True(absent.Count == 0, $"'{typed}': queries of words their field lacks: {string.Join(", ", absent)}");
    }

    [Fact]
    public void A_synonyms_alternatives_keep_their_places_in_every_field()
    {
        var alternatives = SeedCourse.Synonyms().AlternativesOf(["glute"])!.Count;
        var perField = Build("glute", (query, _) => Nodes(query).OfType<DisjunctionMaxQuery>().Single().Disjuncts.OfType<BooleanQuery>().ToList());
        Assert.NotEmpty(perField);
        Assert.All(perField, field => Assert.Equal(alternatives, field.Clauses.Count));
    }

    private T Build<T>(string typed, Func<Query, IndexReader, T> read)
    {
        var index = seed.Index;
        var text = QueryText.Analyze(typed, index.Analyzer, index.Schema.TitleField);
        return index.Read(searcher => read(new QueryBuilder(index.Schema, SeedCourse.Synonyms(), index.Analyzer).Build(text, searcher), searcher.IndexReader));
    }

    private static IEnumerable<Query> Nodes(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => Nodes(c.Query)).Prepend(boolean),
        DisjunctionMaxQuery best => best.Disjuncts.SelectMany(Nodes).Prepend(best),
        _ => [query],
    };

    private static IEnumerable<Term> Terms(Query query) => Nodes(query).SelectMany(node => node switch
    {
        TermQuery term => [term.Term],
        PhraseQuery phrase => phrase.GetTerms(),
        _ => [],
    });
}
