using Course.Core.Chapters;
using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Web.Api;

/// <summary><c>/api/videos</c>: published videos with their chapters, from the published cache.</summary>
public static class VideoApi
{
    public static IEndpointRouteBuilder MapVideoApi(this IEndpointRouteBuilder endpoints)
    {
        var videos = endpoints.MapGroup("/api/videos").WithTags("Videos").CacheOutput(CachePolicies.Content);
        videos.MapGet("/", (PublishedContentCache cache) =>
            cache.Current.Videos.Select(v => VideoResponse.From(v, cache.Current)).ToList())
            .WithName("ListVideos");
        videos.MapGet("/{slug}", Results<Ok<VideoResponse>, ProblemHttpResult> (string slug, PublishedContentCache cache) =>
            cache.Current.FindVideo(slug) is { } video
                ? TypedResults.Ok(VideoResponse.From(video, cache.Current))
                : VideoNotFound(slug))
            .WithName("GetVideo");
        return endpoints;
    }

    /// <summary><c>/videos/{slug}/chapters.vtt</c>: the WebVTT chapters track the HTML5 player loads.</summary>
    public static IEndpointRouteBuilder MapChaptersTrack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/videos/{slug}/chapters.vtt", (string slug, PublishedContentCache cache) =>
            cache.Current.FindVideo(slug) is { } video
                ? Results.Text(WebVttChapters.Write(video), "text/vtt; charset=utf-8")
                : Results.NotFound())
            .CacheOutput(CachePolicies.Content)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static ProblemHttpResult VideoNotFound(string slug) =>
        TypedResults.Problem(statusCode: 404, title: "Video not found", detail: $"No published video has the slug '{slug}'.");
}
