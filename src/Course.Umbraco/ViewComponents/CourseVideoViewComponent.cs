using Course.Core.Chapters;
using Course.Core.Content;
using Course.Umbraco.Content;
using Course.Umbraco.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Web;

namespace Course.Umbraco.ViewComponents;

/// <summary>
/// One template line, <c>@await Component.InvokeAsync("CourseVideo")</c>, renders the current page's video: the
/// Course player (the site's own <c>player.js</c>), the chapter list, the WebVTT chapters track and the
/// <c>VideoObject</c>/<c>Clip</c>/<c>SeekToAction</c> JSON-LD. It starts at the chapter the content finder found, or
/// at <c>?t=</c>. In Umbraco's preview the page's video is shown as last saved, so editors see their draft.
/// </summary>
public sealed class CourseVideoViewComponent(
    PublishedCourse course, ICourseContentSource contents, IUmbracoContextAccessor umbracoContextAccessor, IOptions<CourseUmbracoOptions> options)
    : ViewComponent
{
    /// <param name="content">The video node; the current page when omitted.</param>
    /// <param name="slug">Or a published video by its slug, to show a video on another page.</param>
    public async Task<IViewComponentResult> InvokeAsync(IPublishedContent? content = null, string? slug = null)
    {
        var video = slug is not null ? course.Current.FindVideo(slug) : await PageVideoAsync(content ?? CurrentPage());
        if (video is null) return Content("");

        var asked = ChapterRequest.Get(HttpContext);
        var chapter = asked?.VideoKey == video.Key ? video.Chapters.FirstOrDefault(c => c.Slug == asked.Chapter.Slug) : null;
        var time = TimeParameter.Parse(Request.Query["t"]);
        var start = chapter?.Start ?? time ?? 0;
        // As on the site: only a plain video address resumes where the viewer stopped; a chapter or a time asks for that second.
        var resumable = chapter is null && time is null;
        return View(new CourseVideoModel(video, chapter, start, resumable, VideoJsonLd.Write(video, AbsoluteUrl, ThumbnailPath)));
    }

    /// <summary>The picture search engines show for the video; Umbraco media pickers are the site's to wire.</summary>
    public const string ThumbnailPath = "/App_Plugins/Course.Umbraco/video-thumbnail.png";

    private IPublishedContent? CurrentPage() =>
        umbracoContextAccessor.TryGetUmbracoContext(out var umbracoContext) ? umbracoContext.PublishedRequest?.PublishedContent : null;

    /// <summary>
    /// The page's video: from the published snapshot, or in preview as last saved (the snapshot holds only what visitors
    /// see, and a draft may not be published at all).
    /// </summary>
    private async Task<Video?> PageVideoAsync(IPublishedContent? page)
    {
        if (page is null) return null;
        if (!InPreview()) return course.Current.Videos.FirstOrDefault(v => v.Key == page.Key);
        var saved = await contents.SavedAsync(page.Key, HttpContext.RequestAborted);
        return saved is not null && CourseContentMapping.IsVideo(saved) ? CourseContentMapping.ToVideo(saved, ContentVersion.Draft) : null;
    }

    private bool InPreview() => umbracoContextAccessor.TryGetUmbracoContext(out var umbracoContext) && umbracoContext.InPreviewMode;

    private string AbsoluteUrl(string path)
    {
        var site = options.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        return site + path;
    }
}

/// <param name="Chapter">The chapter the request asked for (its own page), or null for the video page.</param>
/// <param name="Start">The second the player starts at.</param>
/// <param name="Resumable">Whether the player may resume where the viewer stopped (no chapter or time was asked for).</param>
public sealed record CourseVideoModel(Video Video, Chapter? Chapter, int Start, bool Resumable, string JsonLd)
{
    /// <summary>The chapter playing at the start: highlighted in the list.</summary>
    public Chapter? CurrentChapter => Chapter ?? ChapterSpans.At(Video.Chapters, Start);
}
