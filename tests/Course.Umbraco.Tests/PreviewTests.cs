using Course.Umbraco.Content;
using Course.Umbraco.ViewComponents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Web;

namespace Course.Umbraco.Tests;

/// <summary>
/// The <c>CourseVideo</c> component on a page Umbraco routed: visitors get the published video, Umbraco's preview the
/// video as last saved (a real <see cref="global::Umbraco.Cms.Core.Models.Content"/> edited after publishing), so an
/// editor's "Save and preview" shows the new chapters.
/// </summary>
public sealed class PreviewTests
{
    private const string Saved = "0:00 Warm up\n2:00 Pin and stretch\n5:00 Rest";
    private readonly global::Umbraco.Cms.Core.Models.Content video =
        UmbracoContent.Video("Sciatica myofascial release techniques", "sciatica-myofascial-release", UmbracoContent.SeedDescription);
    private readonly PublishedCourse course = new();

    public PreviewTests()
    {
        course.Load([video]);
        video.SetValue(CourseDocumentTypes.VideoProperties.Description, Saved); // saved, not published
    }

    [Fact]
    public async Task Visitors_see_the_published_chapters()
    {
        var model = await RenderAsync(inPreview: false);
        Assert.Equal(18, model.Video.Chapters.Count); // the seventeen timestamps after an introduction at 0:00
        Assert.Equal((23, "What is sciatica? What are the symptoms?"), (model.Video.Chapters[1].Start, model.Video.Chapters[1].Title));
    }

    [Fact]
    public async Task The_preview_shows_the_chapters_as_last_saved()
    {
        var model = await RenderAsync(inPreview: true);
        Assert.Equal(["Warm up", "Pin and stretch", "Rest"], model.Video.Chapters.Select(c => c.Title));
        Assert.Equal([0, 120, 300], model.Video.Chapters.Select(c => c.Start));
        Assert.Contains("Pin and stretch", model.JsonLd);
    }

    [Fact]
    public async Task The_preview_shows_a_video_never_published()
    {
        var draft = new global::Umbraco.Cms.Core.Models.Content("A draft video", -1, UmbracoContent.VideoType) { Key = Guid.NewGuid() };
        draft.SetValue(CourseDocumentTypes.VideoProperties.Description, Saved);
        draft.SetValue(CourseDocumentTypes.VideoProperties.Duration, 600);
        draft.SetValue(CourseDocumentTypes.VideoProperties.Source, "/media/draft.webm");

        Assert.Null(await RenderAsync(inPreview: false, draft));
        var model = await RenderAsync(inPreview: true, draft);
        Assert.Equal("A draft video", model!.Video.Title);
        Assert.Equal("/media/draft.webm", model.Video.Source);
    }

    private Task<CourseVideoModel> RenderAsync(bool inPreview) => RenderAsync(inPreview, video)!;

    /// <summary>Renders the component for <paramref name="page"/> as Umbraco's router found it; null when it renders nothing.</summary>
    private async Task<CourseVideoModel?> RenderAsync(bool inPreview, IContent page)
    {
        var routed = Fake<IPublishedContent>.With(("Key", _ => page.Key));
        var request = Fake<IPublishedRequest>.With(("PublishedContent", _ => routed));
        var context = Fake<IUmbracoContext>.With(("InPreviewMode", _ => inPreview), ("PublishedRequest", _ => request));
        var accessor = Fake<IUmbracoContextAccessor>.With(("TryGetUmbracoContext", args => { args[0] = context; return true; }));
        var component = new CourseVideoViewComponent(course, new Nodes(page), accessor, Options.Create(new CourseUmbracoOptions { PublicUrl = "https://example.org" }))
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() } },
        };
        return await component.InvokeAsync() switch
        {
            ViewViewComponentResult view => (CourseVideoModel)view.ViewData!.Model!,
            _ => null,
        };
    }

    /// <summary>Umbraco's content service as the package reads it: this one node, as last saved.</summary>
    private sealed class Nodes(IContent node) : ICourseContentSource
    {
        public Task<IReadOnlyList<IContent>> PublishedAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<IContent>>([node]);

        public Task<IContent?> SavedAsync(Guid key, CancellationToken cancellationToken) => Task.FromResult(key == node.Key ? node : null);
    }
}
