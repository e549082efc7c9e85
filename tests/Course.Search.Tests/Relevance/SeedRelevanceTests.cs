using Course.Search.Content;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// What learners type, on the seeded course: each query must put the expected chapter (by its start second) or
/// technique (by slug) among the first three hits.
/// </summary>
public sealed class SeedRelevanceTests(SeededIndex seed) : IClassFixture<SeededIndex>
{
    [Theory]
    // muscle names
    [InlineData("piriformis", 1104)]
    [InlineData("gluteus maximus", 1104)]
    [InlineData("quadratus lumborum", 530)]
    [InlineData("erector spinae", 530)]
    // body regions
    [InlineData("low back", 530)]
    [InlineData("lateral pelvis", 820)]
    [InlineData("hip abduction", 1200)]
    // plurals and -ing forms
    [InlineData("hip rotator", 960)]
    [InlineData("open fist", 880)]
    [InlineData("stretching the hip rotators", 1104)]
    [InlineData("working with fascia", 430)]
    [InlineData("landmark", 80)]
    // typos
    [InlineData("piriformus", 1104)]
    [InlineData("abducton", 1200)]
    [InlineData("piriforims", 1104)]
    [InlineData("sciatca symptoms", 23)]
    [InlineData("longitudinaly", 960)]
    // synonyms
    [InlineData("glute max stretch", 1104)]
    [InlineData("lower back", 530)]
    [InlineData("TFL abduction", 1200)]
    // phrases
    [InlineData("external hip rotators", 1104)]
    [InlineData("\"hip rotators\" longitudinally", 960)]
    [InlineData("superior to inferior", 360)]
    [InlineData("inferior to superior", 672)]
    [InlineData("treatment duration", 638)]
    public void Chapter_is_in_the_top_three_with_its_second(string query, int start)
    {
        var results = seed.Search(query);
        var top = results.Hits.Take(3).ToList();
        Assert.True(
            top.Any(h => h.Category == CourseIndexSchema.Chapter && h.Number(CourseIndexSchema.Start) == start
                && h.Text(CourseIndexSchema.Url) == $"/videos/{SeedCourse.VideoSlug}?t={start}"),
            $"'{query}': expected the chapter at {start}s in the top three, got:\n{Describe(results)}");
    }

    [Theory]
    [InlineData("palpating landmarks", "gluteal-landmarks")]
    [InlineData("palpate", "gluteal-landmarks")]
    [InlineData("touch sensitive clients", "myofascial-angle")]
    [InlineData("QL", "lateral-pelvis-and-low-back")]
    [InlineData("sacroiliac joint", "gluteal-landmarks")]
    [InlineData("SI joint", "gluteal-landmarks")]
    [InlineData("sit bones", "gluteal-landmarks")]
    [InlineData("erectors", "lateral-pelvis-and-low-back")]
    [InlineData("pin and stretch", "pin-and-stretch-external-hip-rotators")]
    [InlineData("open fists", "open-fists")]
    [InlineData("lazy body mechanics", "lazy-myofascial-release")]
    public void Technique_is_in_the_top_three(string query, string slug)
    {
        var results = seed.Search(query);
        Assert.True(
            results.Hits.Take(3).Any(h => h.Category == CourseIndexSchema.Technique && h.Text(CourseIndexSchema.Slug) == slug),
            $"'{query}': expected technique {slug} in the top three, got:\n{Describe(results)}");
    }

    [Fact]
    public void Exact_phrase_ranks_above_the_same_words_apart()
    {
        // Both chapters mention the hip rotators; only 16:00 has the words of the query in order.
        var results = seed.Search("hip rotators longitudinally", type: CourseIndexSchema.Chapter);
        Assert.Equal(960, results.Hits[0].Number(CourseIndexSchema.Start));
    }

    internal static string Describe(SearchResults results) => string.Join('\n', results.Hits.Take(6).Select(h =>
        $"  {h.Score:0.000} {h.Category} {h.Text(CourseIndexSchema.Title)} {h.Text(CourseIndexSchema.Url)}"));
}
