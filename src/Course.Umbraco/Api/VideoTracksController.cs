using Course.Core.Chapters;
using Course.Umbraco.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.Api;

/// <summary>A published video's WebVTT tracks (chapters, captions), at the Course site's addresses for them.</summary>
[ApiController]
public sealed class VideoTracksController(PublishedCourse course) : ControllerBase
{
    private const string WebVtt = "text/vtt; charset=utf-8";

    [HttpGet("videos/{slug}/chapters.vtt")]
    public IActionResult Chapters(string slug) =>
        course.Current.FindVideo(slug) is { } video
            ? Content(WebVttChapters.Write(video), WebVtt)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "No such video", detail: $"There is no published video '{slug}'.");

    /// <summary>The captions in one language (BCP 47 tag, any casing), normalised WebVTT.</summary>
    [HttpGet("videos/{slug}/captions/{lang}.vtt")]
    public IActionResult Captions(string slug, string lang) =>
        course.Current.FindVideo(slug)?.CaptionsIn(lang) is { } track
            ? Content(track.ToWebVtt(), WebVtt)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Captions not found", detail: $"No published video '{slug}' has captions in '{lang}'.");
}
