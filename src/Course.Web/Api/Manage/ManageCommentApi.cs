using Course.Core.Comments;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Web.Api.Manage;

/// <summary><c>/api/manage/comments</c>: the moderation queue and the editor's verdicts.</summary>
public static class ManageCommentApi
{
    /// <summary>Adds the comment routes to the editors' <c>/api/manage</c> group, so they share its policy.</summary>
    public static RouteGroupBuilder MapManageComments(this RouteGroupBuilder manage)
    {
        var comments = manage.MapGroup("/comments").WithTags("Manage comments");
        comments.MapGet("/", ListAsync)
            .WithDescription($"Oldest first; pageSize 1–{MaxPageSize} ({DefaultPageSize} when left out), page 1–{MaxPage}.");
        comments.MapPost("/{id:guid}/approve", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.ApproveAsync(id, ct)).ToHttp(Respond, "comment"))
            .Produces<ManagedCommentResponse>();
        comments.MapPost("/{id:guid}/reject", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.RejectAsync(id, ct)).ToHttp(Respond, "comment"))
            .Produces<ManagedCommentResponse>();
        comments.MapDelete("/{id:guid}", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttp(_ => Results.NoContent(), "comment"))
            .Produces(StatusCodes.Status204NoContent);
        return manage;
    }

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    /// <summary>The moderation queue (<c>state=pending</c>, the default) or the comments in another state, a page at a time.</summary>
    private static async Task<Results<Ok<ManagedCommentPage>, ValidationProblem>> ListAsync(
        string? state, string? page, string? pageSize, CommentService service, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!CommentStates.TryParse(state ?? "pending", out var wanted))
            errors.Add("state", $"'{state}' is not a state: use pending, approved, rejected or deleted.");
        var paging = PageRequest.Check(page, pageSize, DefaultPageSize, MaxPageSize, MaxPage, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The comments were not listed: fix the parameters listed.");
        return TypedResults.Ok(ManagedCommentPage.From(await service.ListAsync(wanted, paging, ct)));
    }

    private static IResult Respond(ModeratedComment comment) => TypedResults.Ok(ManagedCommentResponse.From(comment));
}
