using Course.Core.Chapters;
using Course.Umbraco.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.Api;

/// <summary>The WebVTT chapters track of a published video, at the Course site's address for it.</summary>
[ApiController]
public sealed class ChaptersTrackController(PublishedCourse course) : ControllerBase
{
    [HttpGet("videos/{slug}/chapters.vtt")]
    public IActionResult Track(string slug) =>
        course.Current.FindVideo(slug) is { } video
            ? Content(WebVttChapters.Write(video), "text/vtt; charset=utf-8")
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "No such video", detail: $"There is no published video '{slug}'.");
}
