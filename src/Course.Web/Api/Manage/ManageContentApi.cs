using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api.Manage;

/// <summary><c>/api/manage/videos</c> and <c>/api/manage/techniques</c>: editors' JSON API, drafts included.</summary>
public static class ManageContentApi
{
    public static RouteGroupBuilder MapManageApi(this IEndpointRouteBuilder endpoints)
    {
        var manage = endpoints.MapGroup("/api/manage").RequireAuthorization(EditorPolicy.Name).DisableAntiforgery();
        MapVideos(manage.MapGroup("/videos").WithTags("Manage videos").WithVersionETag());
        MapTechniques(manage.MapGroup("/techniques").WithTags("Manage techniques").WithVersionETag());
        manage.MapChapterPreview();
        manage.MapManageCaptions();
        return manage;
    }

    private static void MapVideos(RouteGroupBuilder videos)
    {
        videos.MapGet("/", async (VideoService service, TechniqueService techniques, CancellationToken ct) =>
        {
            var byKey = await TechniquesByKey(techniques, ct);
            return TypedResults.Ok((await service.ListAsync(ct)).Select(v => ManagedVideoResponse.From(v, byKey, [])).ToList());
        });
        videos.MapPost("/", async (VideoInput input, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.CreateAsync(input, ct), techniques, ct, v => TypedResults.Created($"/api/manage/videos/{v.Slug}", v)))
            .Produces<ManagedVideoResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        videos.MapGet("/{slug}", async (string slug, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await service.FindAsync(slug, ct) is { } video
                ? TypedResults.Ok(ManagedVideoResponse.From(video, await TechniquesByKey(techniques, ct), []))
                : EditResults.NotFound("video"))
            .Produces<ManagedVideoResponse>();
        // Every change takes If-Match with the version (ETag) the client saw: 412 when it is no longer stored.
        videos.MapPut("/{slug}", async (string slug, VideoInput input, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.UpdateAsync(slug, input, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>().ProducesValidationProblem();
        videos.MapDelete("/{slug}", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, CancellationToken ct) =>
            (await service.DeleteAsync(slug, VersionTags.Expected(ifMatch), ct)).ToHttp(_ => Results.NoContent(), "video"))
            .Produces(StatusCodes.Status204NoContent);
        videos.MapPost("/{slug}/publish", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.PublishAsync(slug, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>();
        videos.MapPost("/{slug}/unpublish", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.UnpublishAsync(slug, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>();
        videos.MapPut("/{slug}/chapters/{index:int}/techniques", async (string slug, int index, [FromBody] string[] techniqueSlugs, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.LinkTechniquesAsync(slug, index, techniqueSlugs, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>().ProducesValidationProblem();
        // Several chapters' techniques and notes at once, as the backoffice's chapter form saves them; fields left out stay.
        videos.MapPatch("/{slug}/chapters", async (string slug, ChapterEdit[] edits, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.EditChaptersAsync(slug, edits, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>().ProducesValidationProblem();
        videos.MapGet("/{slug}/versions", async (string slug, VideoService service, CancellationToken ct) =>
            await service.VersionsAsync(slug, ct) is { } versions
                ? TypedResults.Ok(versions.Select(ContentVersionResponse.From).ToList())
                : EditResults.NotFound("video"))
            .Produces<List<ContentVersionResponse>>();
        videos.MapPost("/{slug}/versions/{id:int}/restore", async (string slug, int id, [FromHeader(Name = "If-Match")] string? ifMatch, VideoService service, TechniqueService techniques, CancellationToken ct) =>
            await Respond(await service.RestoreAsync(slug, id, VersionTags.Expected(ifMatch), ct), techniques, ct))
            .Produces<ManagedVideoResponse>();
    }

    /// <summary>The saved video with its chapters' technique names (drafts' picks included), or the problem.</summary>
    private static async Task<IResult> Respond(
        EditResult<Video> result, TechniqueService techniques, CancellationToken ct, Func<ManagedVideoResponse, IResult>? done = null)
    {
        var byKey = await TechniquesByKey(techniques, ct);
        return result.ToHttp(v => (done ?? (r => TypedResults.Ok(r)))(ManagedVideoResponse.From(v, byKey, result.Warnings)), "video");
    }

    private static void MapTechniques(RouteGroupBuilder techniques)
    {
        techniques.MapGet("/", async (TechniqueService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ct)).Select(ManagedTechniqueResponse.From).ToList()));
        techniques.MapPost("/", async (TechniqueInput input, TechniqueService service, CancellationToken ct) =>
            (await service.CreateAsync(input, publish: true, ct)).ToHttp(
                t => TypedResults.Created($"/api/manage/techniques/{t.Slug}", ManagedTechniqueResponse.From(t)), "technique"))
            .Produces<ManagedTechniqueResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        techniques.MapGet("/{slug}", async (string slug, TechniqueService service, CancellationToken ct) =>
            await service.FindAsync(slug, ct) is { } technique ? TypedResults.Ok(ManagedTechniqueResponse.From(technique)) : EditResults.NotFound("technique"))
            .Produces<ManagedTechniqueResponse>();
        techniques.MapPut("/{slug}", async (string slug, TechniqueInput input, [FromHeader(Name = "If-Match")] string? ifMatch, TechniqueService service, CancellationToken ct) =>
            (await service.UpdateAsync(slug, input, VersionTags.Expected(ifMatch), ct)).ToHttp(t => TypedResults.Ok(ManagedTechniqueResponse.From(t)), "technique"))
            .Produces<ManagedTechniqueResponse>().ProducesValidationProblem();
        techniques.MapDelete("/{slug}", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, TechniqueService service, CancellationToken ct) =>
            (await service.DeleteAsync(slug, VersionTags.Expected(ifMatch), ct)).ToHttp(_ => Results.NoContent(), "technique"))
            .Produces(StatusCodes.Status204NoContent);
        techniques.MapPost("/{slug}/publish", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, TechniqueService service, CancellationToken ct) =>
            (await service.PublishAsync(slug, VersionTags.Expected(ifMatch), ct)).ToHttp(t => TypedResults.Ok(ManagedTechniqueResponse.From(t)), "technique"))
            .Produces<ManagedTechniqueResponse>();
        techniques.MapPost("/{slug}/unpublish", async (string slug, [FromHeader(Name = "If-Match")] string? ifMatch, TechniqueService service, CancellationToken ct) =>
            (await service.UnpublishAsync(slug, VersionTags.Expected(ifMatch), ct)).ToHttp(t => TypedResults.Ok(ManagedTechniqueResponse.From(t)), "technique"))
            .Produces<ManagedTechniqueResponse>();
        techniques.MapGet("/{slug}/versions", async (string slug, TechniqueService service, CancellationToken ct) =>
            await service.VersionsAsync(slug, ct) is { } versions
                ? TypedResults.Ok(versions.Select(ContentVersionResponse.From).ToList())
                : EditResults.NotFound("technique"))
            .Produces<List<ContentVersionResponse>>();
        techniques.MapPost("/{slug}/versions/{id:int}/restore", async (string slug, int id, [FromHeader(Name = "If-Match")] string? ifMatch, TechniqueService service, CancellationToken ct) =>
            (await service.RestoreAsync(slug, id, VersionTags.Expected(ifMatch), ct)).ToHttp(t => TypedResults.Ok(ManagedTechniqueResponse.From(t)), "technique"))
            .Produces<ManagedTechniqueResponse>();
    }

    private static async Task<IReadOnlyDictionary<Guid, Technique>> TechniquesByKey(TechniqueService techniques, CancellationToken ct) =>
        (await techniques.ListAsync(ct)).ToDictionary(t => t.Key);
}
