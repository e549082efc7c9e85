using Course.Umbraco.Chapters;
using Course.Umbraco.Content;
using Course.Umbraco.Routing;
using Microsoft.AspNetCore.Http;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Services;

namespace Course.Umbraco.Tests;

/// <summary>
/// The chapter content finder on Umbraco's real <see cref="PublishedRequestBuilder"/>; the URL service and published
/// cache (which need a running Umbraco) are fakes answering for one video at <c>/videos/sciatica-myofascial-release</c>.
/// </summary>
public sealed class ContentFinderTests
{
    private static readonly Guid VideoKey = Guid.NewGuid();
    private readonly HttpContextAccessor http = new() { HttpContext = new DefaultHttpContext() };
    private readonly ChapterContentFinder finder;
    private readonly IPublishedContent video;

    public ContentFinderTests()
    {
        var chapters = DescriptionChapters.Read(VideoKey, UmbracoContent.SeedDescription, 1260);
        video = Fake<IPublishedContent>.With(
            ("Key", _ => VideoKey),
            ("ContentType", _ => Fake<IPublishedContentType>.With(("Alias", _ => CourseDocumentTypes.Video))),
            ("GetProperty", args => (string)args[0]! == "description" ? Fake<IPublishedProperty>.With(("GetValue", _ => chapters)) : null));
        var urls = Fake<IDocumentUrlService>.With(("GetDocumentKeyByRoute", args =>
            (string)args[0]! == "/videos/sciatica-myofascial-release" && args[2] is null && args[3] is false ? VideoKey : (Guid?)null));
        var cache = Fake<IPublishedContentCache>.With(("GetById/1", args => (Guid)args[0]! == VideoKey ? video : null));
        finder = new ChapterContentFinder(urls, cache, http);
    }

    [Fact]
    public async Task Finds_the_video_and_passes_the_chapter_through_the_request()
    {
        var request = Request("/videos/sciatica-myofascial-release/chapters/using-open-fists-for-myofascial-release");

        Assert.True(await finder.TryFindContent(request));

        Assert.Same(video, request.Build().PublishedContent);
        var chapter = ChapterRequest.Get(http.HttpContext);
        Assert.Equal((VideoKey, 880), (chapter!.VideoKey, chapter.Chapter.Start));
    }

    [Theory]
    [InlineData("/videos/sciatica-myofascial-release")]                          // the video itself: Umbraco's own finder
    [InlineData("/videos/sciatica-myofascial-release/chapters/no-such-chapter")]
    [InlineData("/videos/another-video/chapters/introduction")]
    [InlineData("/videos/sciatica-myofascial-release/chapters/")]
    public async Task Leaves_other_paths_to_the_next_finder(string path)
    {
        var request = Request(path);

        Assert.False(await finder.TryFindContent(request));

        Assert.Null(request.Build().PublishedContent);
        Assert.Null(ChapterRequest.Get(http.HttpContext));
    }

    private static PublishedRequestBuilder Request(string path) =>
        new(new Uri("https://site.example" + path), Fake<IFileService>.With());
}
