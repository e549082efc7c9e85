using Course.Core.Editing;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Input;

/// <summary>Anything a visitor types gives a result or a named error, never an exception.</summary>
public sealed class BadInputTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    private static readonly Dictionary<string, IReadOnlyList<string?>> NoFilters = new();

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData(":")]
    [InlineData("\\")]
    [InlineData("pirif*")]
    [InlineData("piriformis~2")]
    [InlineData("title:piriformis")]
    [InlineData("(hip OR back) AND NOT fascia")]
    [InlineData("[a TO z]")]
    [InlineData("{!lucene}")]
    [InlineData("+hip -back")]
    [InlineData("hip && back || !fascia")]
    [InlineData("/regex.*/")]
    [InlineData("^2 ^^ hip^")]
    [InlineData("\"unbalanced quote piriformis")]
    [InlineData("piriformis \"hip rotators")]
    [InlineData("\"hip\" \"rotators\" \"")]
    [InlineData("the and of")]
    [InlineData("💪🦵 glute")]
    public void Query_syntax_is_just_text(string text)
    {
        var results = seed.Search(text);
        Assert.True(results.Total >= 0);
        Assert.All(results.Hits, h => Assert.False(string.IsNullOrEmpty(h.Text(CourseIndexSchema.Url))));
    }

    [Theory]
    [InlineData("piriformis~2")]
    [InlineData("title:piriformis")]
    [InlineData("(piriformis)")]
    [InlineData("\"piriformis")]
    public void Syntax_characters_around_a_word_still_find_it(string text)
    {
        Assert.Equal(1104, seed.Search(text).Hits[0].Number(CourseIndexSchema.Start));
    }

    [Fact]
    public void Empty_or_wordless_query_finds_nothing()
    {
        foreach (var text in new[] { "", "   ", "()", "the" })
        {
            var results = seed.Search(text);
            Assert.Equal(0, results.Total);
            Assert.Empty(results.Hits);
            Assert.Empty(results.Facets[CourseIndexSchema.Type]);
        }
    }

    [Fact]
    public void Long_query_is_cut_at_the_limit_and_still_searched()
    {
        var text = "piriformis " + string.Concat(Enumerable.Repeat("stretch ", 400));
        var request = Check(new SearchInput(text, NoFilters, null, null));
        Assert.InRange(request!.Text.Length, SearchLimits.MaxQueryLength - 1, SearchLimits.MaxQueryLength); // a trailing space is trimmed
        Assert.Contains(seed.Searcher.Search(request).Hits.Take(3), h => h.Number(CourseIndexSchema.Start) == 1104);
    }

    [Fact]
    public void Cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', SearchLimits.MaxQueryLength - 1) + "💪💪";
        var cut = SearchInputRules.Cut(text);
        Assert.Equal(SearchLimits.MaxQueryLength - 1, cut.Length);
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("-1", null, "page")]
    [InlineData("abc", null, "page")]
    [InlineData("1.5", null, "page")]
    [InlineData("1001", null, "page")]
    [InlineData("99999999999999999999", null, "page")]
    [InlineData(null, "0", "pageSize")]
    [InlineData(null, "51", "pageSize")]
    [InlineData(null, "ten", "pageSize")]
    public void Out_of_range_paging_is_an_error_naming_the_parameter(string? page, string? pageSize, string field)
    {
        var errors = new InputErrors();
        Assert.Null(SearchInputRules.Check(new SearchInput("hip", NoFilters, page, pageSize), CourseIndexSchema.Definition, errors));
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Unknown_type_is_an_error_naming_the_allowed_ones()
    {
        var errors = new InputErrors();
        var filters = new Dictionary<string, IReadOnlyList<string?>> { ["type"] = ["chapter", "podcast"] };
        Assert.Null(SearchInputRules.Check(new SearchInput("hip", filters, null, null), CourseIndexSchema.Definition, errors));
        var message = Assert.Single(errors.ToDictionary()["type"]);
        Assert.Equal("'podcast' is not a type; use technique, chapter, video, comment, transcript.", message);
    }

    [Fact]
    public void Filters_are_trimmed_lower_cased_and_blank_ones_dropped()
    {
        var filters = new Dictionary<string, IReadOnlyList<string?>> { ["muscle"] = [" Piriformis ", "", null], ["region"] = [""], ["type"] = ["Chapter"] };
        var request = Check(new SearchInput("hip", filters, "2", "5"))!;
        Assert.Equal(["piriformis"], request.Filters["muscle"]);
        Assert.Equal(["chapter"], request.Filters["type"]);
        Assert.False(request.Filters.ContainsKey("region"));
        Assert.Equal((2, 5), (request.Page, request.PageSize));
    }

    [Fact]
    public void Too_many_or_too_long_filter_values_are_errors()
    {
        var errors = new InputErrors();
        var filters = new Dictionary<string, IReadOnlyList<string?>>
        {
            ["muscle"] = Enumerable.Range(0, 11).Select(i => (string?)$"m{i}").ToList(),
            ["region"] = [new string('x', 101)],
        };
        Assert.Null(SearchInputRules.Check(new SearchInput("hip", filters, null, null), CourseIndexSchema.Definition, errors));
        Assert.Equal(["muscle", "region"], errors.ToDictionary().Keys.Order());
    }

    private static SearchRequest? Check(SearchInput input)
    {
        var errors = new InputErrors();
        var request = SearchInputRules.Check(input, CourseIndexSchema.Definition, errors);
        Assert.False(errors.Any);
        return request;
    }
}
