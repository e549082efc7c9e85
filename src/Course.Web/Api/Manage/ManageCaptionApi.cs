using Course.Core.Captions;
using Course.Core.Content;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api.Manage;

/// <summary>
/// <c>/api/manage/videos/{slug}/captions/{lang}</c>: a video's captions in one language (the draft). The body is
/// the file itself, <c>text/vtt</c> or <c>application/x-subrip</c>; problems come back at their lines under
/// <c>errors.captions</c>, and a rejected file changes nothing.
/// </summary>
public static class ManageCaptionApi
{
    public static RouteGroupBuilder MapManageCaptions(this RouteGroupBuilder manage)
    {
        // Like every other change of a video, these take If-Match with the video's version (its ETag): 412 when it is no longer stored.
        var captions = manage.MapGroup("/videos/{slug}/captions").WithTags("Manage videos").WithVersionETag();
        // No Accepts metadata: routing would answer 415 before authorization does; the handler checks the media type.
        captions.MapPut("/{lang}", PutTrack)
            .Produces<SavedCaptionTrackResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Sets the video's captions in one language (label from ?label=, kept or named after the language when absent).");
        captions.MapGet("/{lang}", GetTrack).WithSummary("The draft's captions in one language, as normalised WebVTT, with the video's version as ETag.");
        captions.MapDelete("/{lang}", DeleteTrack)
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Removes the video's captions in one language.");
        return manage;
    }

    private static async Task<IResult> PutTrack(
        string slug, string lang, string? label, [FromHeader(Name = "If-Match")] string? ifMatch, HttpRequest request, VideoService videos, CancellationToken ct)
    {
        if (CaptionFormats.FromMediaType(request.ContentType) is not { } format)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Captions are WebVTT or SubRip.",
                detail: $"Send the file as {CaptionFormats.WebVttMediaType} or {CaptionFormats.SubRipMediaType}, not '{request.ContentType}'.");
        // Read one byte past the limit at most: enough for the rules to refuse the file by its size.
        var file = new byte[CaptionRules.MaxBytes + 1];
        int length = 0, read;
        while (length < file.Length && (read = await request.Body.ReadAsync(file.AsMemory(length), ct)) > 0) length += read;
        var result = await videos.SetCaptionsAsync(slug, new CaptionUpload(lang, label, format, file.AsMemory(0, length)), VersionTags.Expected(ifMatch), ct);
        return result.ToHttp(video => TypedResults.Ok(SavedCaptionTrackResponse.From(video, video.CaptionsIn(lang)!)), "caption track");
    }

    private static async Task<IResult> GetTrack(string slug, string lang, HttpResponse response, VideoService videos, CancellationToken ct)
    {
        if (await videos.FindAsync(slug, ct) is not { } video || video.CaptionsIn(lang) is not { } track) return EditResults.NotFound("caption track");
        response.Headers.ETag = VersionTags.ETag(video.Version);
        return Results.Text(track.ToWebVtt(), "text/vtt; charset=utf-8");
    }

    private static async Task<IResult> DeleteTrack(string slug, string lang, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService videos, CancellationToken ct) =>
        (await videos.RemoveCaptionsAsync(slug, lang, VersionTags.Expected(ifMatch), ct)).ToHttp(_ => TypedResults.NoContent(), "caption track");
}

/// <summary>A caption track as editors see it: language, label, how many cues, and where visitors get it once published.</summary>
public sealed record CaptionTrackResponse(string Language, string Label, int Cues, string Url)
{
    public static CaptionTrackResponse From(Video video, CaptionTrack track) =>
        new(track.Language, track.Label, track.Cues.Count, ContentUrls.CaptionTrack(video, track));
}

/// <summary>A caption track just saved, with the video's new version (also the <c>ETag</c>) to send back as <c>If-Match</c>.</summary>
public sealed record SavedCaptionTrackResponse(string Language, string Label, int Cues, string Url, int Version) : IVersionedResponse
{
    public static SavedCaptionTrackResponse From(Video video, CaptionTrack track) =>
        new(track.Language, track.Label, track.Cues.Count, ContentUrls.CaptionTrack(video, track), video.Version);
}
