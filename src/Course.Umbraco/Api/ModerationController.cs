using Course.Core.Comments;
using Course.Umbraco.Comments;
using Course.Umbraco.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.Api;

/// <summary>The moderation dashboard's endpoints: the queue by state, approve, reject, delete. Backoffice users only.</summary>
[ApiController]
[Authorize(Policy = CoursePolicies.Editors)]
[Route("umbraco/course/api/comments")]
public sealed class ModerationController(CommentStore comments, PublishedCourse course) : ControllerBase
{
    public const int MaxPageSize = 100;

    /// <summary>One page of comments in a state (<c>pending</c> by default), oldest first.</summary>
    [HttpGet]
    [ProducesResponseType<ModerationPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ModerationPage>> Queue(string? state, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var wanted = CommentState.Pending;
        if (state is not null && (!CommentStates.TryParse(state, out wanted) || wanted == CommentState.Deleted))
            ModelState.AddModelError("state", "state is pending, approved or rejected.");
        if (page < 1) ModelState.AddModelError("page", "page is 1 or more.");
        if (pageSize is < 1 or > MaxPageSize) ModelState.AddModelError("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        if (!ModelState.IsValid) return ValidationProblem(ModelState);

        var (items, total) = await comments.ListAsync(wanted, page, pageSize, cancellationToken);
        var content = course.Current;
        return new ModerationPage(items.Select(c => ModeratedCommentResponse.From(c, content)).ToList(), total, page, pageSize);
    }

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, CancellationToken cancellationToken) => Set(id, CommentState.Approved, cancellationToken);

    [HttpPost("{id:guid}/reject")]
    public Task<IActionResult> Reject(Guid id, CancellationToken cancellationToken) => Set(id, CommentState.Rejected, cancellationToken);

    [HttpDelete("{id:guid}")]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) => Set(id, CommentState.Deleted, cancellationToken);

    private async Task<IActionResult> Set(Guid id, CommentState state, CancellationToken cancellationToken) =>
        await comments.SetStateAsync(id, state, cancellationToken)
            ? NoContent()
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "No such comment", detail: $"There is no comment {id}.");
}
