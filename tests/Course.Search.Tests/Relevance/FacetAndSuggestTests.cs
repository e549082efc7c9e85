using Course.Search.Content;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

public sealed class FacetAndSuggestTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    private static int Count(SearchResults results, string field, string value) =>
        results.Facets[field].SingleOrDefault(f => f.Value == value)?.Count ?? 0;

    [Fact]
    public void Facets_count_types_muscles_and_regions_of_all_matches()
    {
        var results = seed.Search("piriformis");
        Assert.Equal(results.Total, results.Facets[CourseIndexSchema.Type].Sum(f => f.Count));
        // Techniques working piriformis: landmarks, superior→inferior, inferior→superior, longitudinal, pin and stretch, abduction.
        Assert.Equal(6, Count(results, CourseIndexSchema.Type, CourseIndexSchema.Technique));
        Assert.Equal(1, Count(results, CourseIndexSchema.Type, CourseIndexSchema.Video));
        Assert.Contains(results.Facets[CourseIndexSchema.Muscle], f => f.Value == "piriformis");
        Assert.Contains(results.Facets[CourseIndexSchema.Region], f => f.Value == "buttock");
    }

    [Fact]
    public void Filters_narrow_the_hits_while_each_facet_still_counts_the_other_choices()
    {
        var all = seed.Search("myofascial release");
        var chapters = seed.Search("myofascial release", type: CourseIndexSchema.Chapter);
        Assert.All(chapters.Hits, h => Assert.Equal(CourseIndexSchema.Chapter, h.Category));
        Assert.Equal(Count(all, CourseIndexSchema.Type, CourseIndexSchema.Chapter), chapters.Total);
        // The type facet ignores the type filter, so the other types stay selectable with their counts.
        Assert.Equal(Count(all, CourseIndexSchema.Type, CourseIndexSchema.Technique), Count(chapters, CourseIndexSchema.Type, CourseIndexSchema.Technique));
        // Muscle counts follow the type filter.
        Assert.True(Count(chapters, CourseIndexSchema.Muscle, "gluteus medius") < Count(all, CourseIndexSchema.Muscle, "gluteus medius"));
    }

    [Fact]
    public void Tags_and_technique_names_are_searched_and_counted_but_not_stored_with_the_hit()
    {
        var results = seed.Search("piriformis", type: CourseIndexSchema.Chapter);
        Assert.Contains(results.Facets[CourseIndexSchema.Muscle], f => f.Value == "piriformis");
        Assert.All(results.Hits, hit =>
        {
            Assert.False(string.IsNullOrEmpty(hit.Text(CourseIndexSchema.Title)));
            Assert.False(string.IsNullOrEmpty(hit.Text(CourseIndexSchema.Url)));
            Assert.DoesNotContain(CourseIndexSchema.Muscle, hit.Values.Keys);
            Assert.DoesNotContain(CourseIndexSchema.Region, hit.Values.Keys);
            Assert.DoesNotContain(CourseIndexSchema.Techniques, hit.Values.Keys);
        });
    }

    [Fact]
    public void Filters_on_two_fields_must_both_hold()
    {
        var results = seed.Search("hip", type: CourseIndexSchema.Technique, muscle: "quadratus lumborum", region: "hip");
        var hit = Assert.Single(results.Hits);
        Assert.Equal("lateral-pelvis-and-low-back", hit.Text(CourseIndexSchema.Slug));
    }

    [Fact]
    public void Filter_values_ignore_case_and_unknown_values_match_nothing()
    {
        Assert.Equal(seed.Search("hip", muscle: "piriformis").Total, seed.Search("hip", muscle: "Piriformis ").Total);
        var none = seed.Search("hip", muscle: "biceps brachii");
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Hits);
    }

    [Fact]
    public void Pages_continue_where_the_last_ended()
    {
        var first = seed.Searcher.Search(new SearchRequest("myofascial", new Dictionary<string, IReadOnlyList<string>>(), 1, 5));
        var second = seed.Searcher.Search(new SearchRequest("myofascial", new Dictionary<string, IReadOnlyList<string>>(), 2, 5));
        Assert.Equal(5, first.Hits.Count);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
        Assert.True(first.Hits[^1].Score >= second.Hits[0].Score);
        var beyond = seed.Searcher.Search(new SearchRequest("myofascial", new Dictionary<string, IReadOnlyList<string>>(), SearchLimits.MaxPage, SearchLimits.MaxPageSize));
        Assert.Empty(beyond.Hits);
        Assert.Equal(first.Total, beyond.Total);
        var far = seed.Searcher.Search(new SearchRequest("myofascial", new Dictionary<string, IReadOnlyList<string>>(), int.MaxValue, int.MaxValue));
        Assert.Empty(far.Hits);
        Assert.Equal(first.Total, far.Total);
    }

    [Fact]
    public void Snippets_mark_the_matched_words_on_one_line()
    {
        var hit = seed.Search("quadratus lumborum", type: CourseIndexSchema.Technique).Hits[0];
        Assert.Contains("<mark>quadratus</mark> <mark>lumborum</mark>", hit.Snippet);
        var typo = seed.Search("piriformus", type: CourseIndexSchema.Technique).Hits.Select(h => h.Snippet);
        Assert.Contains(typo, s => s.Contains("<mark>piriformis</mark>"));
        var video = seed.Search("low back hip pain", type: CourseIndexSchema.Video).Hits[0];
        Assert.DoesNotContain("\n", video.Snippet);
        Assert.Contains("<mark>low</mark> <mark>back</mark>", video.Snippet);
    }

    [Fact]
    public void A_hits_snippet_marks_the_words_of_each_search_that_finds_it()
    {
        // Snippets are kept by hit and found words: each search here finds the same technique with other words.
        var both = seed.Search("low back", type: CourseIndexSchema.Technique).Hits[0];
        string Snippet(string text) => seed.Search(text, type: CourseIndexSchema.Technique).Hits.Single(h => h.Id == both.Id).Snippet;
        Assert.Contains("<mark>low</mark> <mark>back</mark>", both.Snippet);
        Assert.Contains("<mark>low</mark> back", Snippet("low"));
        Assert.Contains("low <mark>back</mark>", Snippet("back"));
        Assert.Contains("<mark>low</mark> <mark>back</mark>", Snippet("back low"));
    }

    [Theory]
    [InlineData("pir", "piriformis", "muscle")]
    [InlineData("glut", "gluteus maximus", "muscle")]
    [InlineData("Gluteus me", "gluteus medius", "muscle")]
    [InlineData("pin and st", "Pin and stretch for the external hip rotators", "technique")]
    [InlineData("rotators lon", "Working the hip rotators longitudinally", "technique")]
    [InlineData("treat", "Treatment duration", "chapter")]
    // one typo in what is typed so far: a wrong letter, a swap, a missing or an extra one
    [InlineData("pirif", "piriformis", "muscle")]
    [InlineData("pirfi", "piriformis", "muscle")]
    [InlineData("pirof", "piriformis", "muscle")]
    [InlineData("prif", "piriformis", "muscle")]
    [InlineData("glutte", "gluteus maximus", "muscle")]
    [InlineData("rotatros", "Working the hip rotators longitudinally", "technique")]
    public void Suggestions_complete_titles_and_muscles(string typed, string expected, string type)
    {
        var suggestions = seed.Searcher.Suggest(typed);
        Assert.Contains(suggestions, s => s.Text == expected && s.Type == type);
    }

    [Fact]
    public void Typos_are_completed_only_when_what_is_typed_completes_nothing()
    {
        // "glut" completes as typed, so its one-edit neighbours ("gait"…) are not offered.
        Assert.All(seed.Searcher.Suggest("glut"), s => Assert.Contains("glut", s.Text, StringComparison.OrdinalIgnoreCase));
        // Three letters are too few to guess from ("pir" would complete).
        Assert.Empty(seed.Searcher.Suggest("pzr"));
    }

    [Fact]
    public void Suggestions_lead_to_the_chapter_second_and_need_two_letters()
    {
        var chapter = Assert.Single(seed.Searcher.Suggest("treatment"), s => s.Type == CourseIndexSchema.Chapter);
        Assert.Equal("/videos/sciatica-myofascial-release?t=638", chapter.Url);
        Assert.Empty(seed.Searcher.Suggest("p"));
        Assert.Empty(seed.Searcher.Suggest("  "));
        Assert.Empty(seed.Searcher.Suggest("(*)"));
    }
}
