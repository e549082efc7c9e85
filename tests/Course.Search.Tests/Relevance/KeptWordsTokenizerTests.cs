using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Tests.Seed;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// Text is indexed and searched from kept word analyses (<see cref="KeptWordsTokenizer"/>): the token stream must be the
/// analysis chain's for the whole text, token by token (term, position increment, offsets, type) and at its end (final
/// offset, positions taken by trailing stop words, which place a field's next value), the first time and from kept words.
/// </summary>
public sealed class KeptWordsTokenizerTests
{
    private static readonly string[] Fields =
        [CourseIndexSchema.Title, CourseIndexSchema.Body, CourseIndexSchema.Muscle, IndexSchema.SuggestField];

    public static TheoryData<string> Texts => new()
    {
        "piriformis", "the hip in abduction", "a an the", "of the piriformis", "client's hips", "gluteus-medius stretch",
        "  hip   rotators  ", "TFL / IT band", "café naïve", "hip\trotators\r\nlongitudinally", "the", "hip the", "the hip the a",
        "x", "--", "", "   ", "what is sciatica and how to release it", "l5-s1 disc", "pin & stretch", "Müller’s muscle",
        "hip's rotator's", "U.S.A. 3.5cm e-mail@example.com http://example.com/a?b=c", "don't it's O'Neil",
        "hip\u00a0rotators\u2003and\u3000glutes", "a \u0301b c\u0301", "日本語のテキスト and ภาษาไทย", "👍🏽 thumbs 👍",
        new string('a', 300), "the " + new string('b', 256) + " hip", new string('c', 70) + " hip " + new string('c', 70),
        "3:42 0:23 20:00", "(piriformis), [gluteus]; {hip}.", "1,000 2.5 v1.2.3",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_gives_the_chains_tokens_and_end(string text)
    {
        using var analyzer = new SearchAnalyzer(keepsWords: true);
        using var chain = new SearchAnalyzer();
        foreach (var field in Fields)
        {
            var expected = Stream(chain, field, text);
            Assert.Equal(expected, Stream(analyzer, field, text));
            Assert.Equal(expected, Stream(analyzer, field, text)); // from kept words
        }
    }

    [Fact]
    public void Words_are_kept_once_each_and_only_by_the_analyzer_that_keeps_them()
    {
        using var kept = new SearchAnalyzer(keepsWords: true);
        using var chain = new SearchAnalyzer();
        var field = CourseIndexSchema.Body;

        Stream(kept, field, "the piriformis release");
        Stream(kept, field, "release the piriformis, slowly");
        Stream(chain, field, "hip rotators");

        Assert.Equal(5, kept.KeptWordCount(field)); // the, piriformis, release, "piriformis,", slowly
        Assert.Equal(0, chain.KeptWordCount(field));
    }

    [Fact]
    public void The_seed_courses_texts_give_the_chains_tokens_and_end()
    {
        using var analyzer = new SearchAnalyzer(keepsWords: true);
        using var chain = new SearchAnalyzer();
        var compared = 0;
        foreach (var valueSet in ContentValueSets.All(SeedCourse.Content()))
        foreach (var (name, values) in valueSet.Values)
        {
            if (CourseIndexSchema.Definition.Find(name) is not { Type: FieldType.FullText or FieldType.Tag }) continue;
            foreach (var value in values)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
                Assert.Equal(Stream(chain, name, text), Stream(analyzer, name, text));
                compared++;
            }
        }
        Assert.True(compared > 100, $"{compared} values compared");
    }

    private sealed record Analysed(IReadOnlyList<string> Tokens, string End)
    {
        public bool Equals(Analysed? other) => other is not null && Tokens.SequenceEqual(other.Tokens) && End == other.End;
        public override int GetHashCode() => End.GetHashCode();
        public override string ToString() => string.Join(" | ", Tokens) + " || " + End;
    }

    private static Analysed Stream(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add($"{term} +{increment.PositionIncrement} {offset.StartOffset}-{offset.EndOffset} {type.Type}");
        stream.End();
        return new Analysed(tokens, $"+{increment.PositionIncrement} {offset.StartOffset}-{offset.EndOffset}");
    }
}
