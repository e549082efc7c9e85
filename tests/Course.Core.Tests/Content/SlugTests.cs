using Course.Core.Content;

namespace Course.Core.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", "pin-and-stretch-for-the-external-hip-rotators-gluteus-maximus-piriformis-etc")]
    [InlineData("Working with touch sensitivy, using the “myofascial angle”", "working-with-touch-sensitivy-using-the-myofascial-angle")]
    [InlineData("Crème brûlée  --  Déjà vu", "creme-brulee-deja-vu")]
    [InlineData("  What is sciatica? What are the symptoms?  ", "what-is-sciatica-what-are-the-symptoms")]
    [InlineData("???", "")]
    public void Titles_become_url_segments(string title, string slug) => Assert.Equal(slug, Slug.From(title));

    [Fact]
    public void Long_titles_are_cut_at_the_limit_without_a_trailing_dash()
    {
        var slug = Slug.From(string.Join(" ", Enumerable.Repeat("abcdefghi", 20)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("sciatica-myofascial-release", true)]
    [InlineData("Sciatica", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Valid_slugs_are_their_own_slug(string? slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));
}

public sealed class UdiTests
{
    [Fact]
    public void Document_udis_round_trip()
    {
        var key = Guid.Parse("0f3c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
        var udi = Udi.ForDocument(key);
        Assert.Equal("umb://document/0f3c2a4e1b2c4d5e8f90a1b2c3d4e5f6", udi);
        Assert.True(Udi.TryParseDocument(udi, out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData("umb://media/0f3c2a4e1b2c4d5e8f90a1b2c3d4e5f6")]
    [InlineData("umb://document/not-a-guid")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_strings_are_not_document_udis(string? udi) => Assert.False(Udi.TryParseDocument(udi, out _));
}

public sealed class VideoSourceTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", VideoSourceKind.YouTube, "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=42", VideoSourceKind.YouTube, "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", VideoSourceKind.YouTube, "dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", VideoSourceKind.Vimeo, "76979871")]
    [InlineData("https://player.vimeo.com/video/76979871", VideoSourceKind.Vimeo, "76979871")]
    [InlineData("/media/sciatica-myofascial-release.webm", VideoSourceKind.File, null)]
    [InlineData("https://cdn.example.org/videos/lesson.mp4", VideoSourceKind.File, null)]
    public void Editors_paste_youtube_vimeo_or_file_addresses(string address, VideoSourceKind kind, string? id)
    {
        Assert.True(VideoSource.TryParse(address, out var source));
        Assert.Equal(kind, source.Kind);
        Assert.Equal(id, source.ExternalId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("//evil.example/x.mp4")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.org/page.html")]
    [InlineData("ftp://example.org/v.mp4")]
    public void Anything_else_is_refused(string address) => Assert.False(VideoSource.TryParse(address, out _));

    [Fact]
    public void File_sources_know_their_media_type()
    {
        Assert.Equal("video/webm", VideoSource.Parse("/media/a.webm").MediaType);
        Assert.Equal("video/mp4", VideoSource.Parse("/media/a.MP4").MediaType);
        Assert.Null(VideoSource.Parse("https://youtu.be/dQw4w9WgXcQ").MediaType);
    }
}
