using Course.Core.Comments;
using Course.Data.Content;
using Course.Rendering;

namespace Course.Web.Api.Manage;

/// <summary><c>/api/manage/comments</c>: the moderation queue and the editor's verdicts.</summary>
public static class ManageCommentApi
{
    /// <summary>Adds the comment routes to the editors' <c>/api/manage</c> group, so they share its policy.</summary>
    public static RouteGroupBuilder MapManageComments(this RouteGroupBuilder manage)
    {
        var comments = manage.MapGroup("/comments").WithTags("Manage comments");
        comments.MapGet("/", async (string? state, CommentService service, CancellationToken ct) =>
            CommentStates.TryParse(state ?? "pending", out var wanted)
                ? Results.Ok((await service.ListAsync(wanted, ct)).Select(ManagedCommentResponse.From).ToList())
                : TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not a state: use pending, approved, rejected or deleted."] },
                    title: "Unknown comment state."))
            .Produces<List<ManagedCommentResponse>>().ProducesValidationProblem();
        comments.MapPost("/{id:guid}/approve", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.ApproveAsync(id, ct)).ToHttp(Respond, "comment"));
        comments.MapPost("/{id:guid}/reject", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.RejectAsync(id, ct)).ToHttp(Respond, "comment"));
        comments.MapDelete("/{id:guid}", async (Guid id, CommentService service, CancellationToken ct) =>
            (await service.DeleteAsync(id, ct)).ToHttp(_ => Results.NoContent(), "comment"));
        return manage;
    }

    private static IResult Respond(ModeratedComment comment) => TypedResults.Ok(ManagedCommentResponse.From(comment));
}
