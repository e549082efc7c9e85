using Course.Search.Content;
using Course.Search.Indexing;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Tests.Lifecycle;

/// <summary>How a value set's fields are written: what is indexed as words, what as one exact term, what only stored.</summary>
public sealed class DocumentFieldsTests
{
    private static readonly ValueSet Chapter = new("chapter-1", CourseIndexSchema.Chapter, "video-1", new Dictionary<string, IReadOnlyList<object>>
    {
        [Title] = ["Pin and stretch"],
        [Muscle] = ["Piriformis"],
        [Url] = ["/videos/sciatica?t=75"],
    });

    [Fact]
    public void The_category_is_stored_for_hits_and_counted_as_one_term_but_never_indexed_as_words()
    {
        var document = LuceneDocuments.From(Chapter, Definition);

        var category = Assert.Single(document.GetFields(IndexSchema.CategoryField));
        Assert.False(category.IndexableFieldType.IsIndexed);
        Assert.Equal("chapter", category.GetStringValue());
        var value = Assert.Single(document.GetFields(IndexSchema.ValuesField(IndexSchema.CategoryField)));
        Assert.True(value.IndexableFieldType.IsIndexed);
        Assert.Equal("chapter", value.GetStringValue());
    }

    [Fact]
    public void A_tag_is_indexed_as_words_for_search_and_as_its_exact_value_for_facets()
    {
        var document = LuceneDocuments.From(Chapter, Definition);

        var words = Assert.Single(document.GetFields(Muscle));
        Assert.True(words.IndexableFieldType.IsIndexed);
        Assert.True(words.IndexableFieldType.IsTokenized);
        Assert.False(words.IndexableFieldType.IsStored);
        Assert.Equal("piriformis", Assert.Single(document.GetFields(IndexSchema.ValuesField(Muscle))).GetStringValue());
    }
}
