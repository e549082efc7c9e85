using Course.Data.Content;
using Course.Web.Composition;

namespace Course.Web.Api;

/// <summary><c>/videos/{slug}/captions/{lang}.vtt</c>: a published video's caption track, normalised WebVTT.</summary>
public static class CaptionApi
{
    public static IEndpointRouteBuilder MapCaptionTracks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/videos/{slug}/captions/{lang}.vtt", GetTrack)
            .CacheOutput(CachePolicies.Content)
            .WithTags("Videos")
            .WithName("GetCaptionTrack")
            .WithSummary("A published video's captions in one language (BCP 47 tag), as WebVTT.");
        return endpoints;
    }

    private static IResult GetTrack(string slug, string lang, PublishedContentCache cache) =>
        cache.Current.FindVideo(slug)?.CaptionsIn(lang) is { } track
            ? Results.Text(track.ToWebVtt(), "text/vtt; charset=utf-8")
            : TypedResults.Problem(statusCode: 404, title: "Captions not found", detail: $"No published video '{slug}' has captions in '{lang}'.");
}
