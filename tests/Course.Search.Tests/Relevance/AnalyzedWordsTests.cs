using Course.Search.Analysis;
using Course.Search.Indexing;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// A query's text is analysed word by word from kept words (<see cref="AnalyzedWords"/>): that must give what analysing
/// the whole text gives, terms, positions (stop words leave gaps) and surfaces alike.
/// </summary>
public sealed class AnalyzedWordsTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    public static TheoryData<string> Texts => new()
    {
        "piriformis", "the hip in abduction", "a an the", "of the piriformis", "client's hips", "gluteus-medius stretch",
        "  hip   rotators  ", "TFL / IT band", "café naïve", "hip\trotators\nlongitudinally", "sciatca symptoms",
        "x", "--", "what is sciatica and how to release it", "working with the hip rotators longitudinally",
        "l5-s1 disc", "pin & stretch", "Müller’s muscle", "hip's rotator's", "landmarks g",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Words_analysed_one_by_one_give_the_whole_texts_terms(string text)
    {
        var analyzer = seed.Index.Analyzer;
        var field = seed.Index.Schema.TitleField;
        var surfaces = AnalyzedTerm.Read(analyzer, IndexSchema.SuggestField, text).ToDictionary(t => t.Position, t => t.Text);
        var whole = AnalyzedTerm.Read(analyzer, field, text).Select(t => t with { Surface = surfaces.GetValueOrDefault(t.Position) }).ToList();

        var words = new AnalyzedWords(analyzer, field);
        var first = words.Read(text);
        var again = words.Read(text); // from kept words

        Assert.Equal(whole, first);
        Assert.Equal(whole, again);
    }
}
