using Course.Search.Indexing;

namespace Course.Search.Tests.Lifecycle;

public sealed class IndexSchemaTests
{
    private static IndexSchema Declare(params FieldDefinition[] fields) =>
        new("test-1", ["page"], titleField: "title", urlField: "url", snippetField: "body", fields);

    [Fact]
    public void What_hits_show_must_be_stored()
    {
        FieldDefinition body = new("body", FieldType.FullText, Boost: 1), url = new("url", FieldType.StoredOnly);
        Assert.NotNull(Declare(new("title", FieldType.FullText, Boost: 5), body, url, new("tags", FieldType.Tag, Boost: 1, Stored: false)));
        var title = Assert.Throws<ArgumentException>(() => Declare(new("title", FieldType.FullText, Boost: 5, Stored: false), body, url));
        Assert.Contains("'title'", title.Message);
        var snippet = Assert.Throws<ArgumentException>(() => Declare(new("title", FieldType.FullText), body with { Stored = false }, url));
        Assert.Contains("'body'", snippet.Message);
    }

    [Fact]
    public void A_field_that_is_only_stored_cannot_be_unstored()
    {
        var error = Assert.Throws<ArgumentException>(() => Declare(
            new("title", FieldType.FullText), new("body", FieldType.FullText), new("url", FieldType.StoredOnly), new("start", FieldType.Int, Stored: false)));
        Assert.Contains("start", error.Message);
    }
}
