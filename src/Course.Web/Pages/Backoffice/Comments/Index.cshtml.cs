using Course.Core.Comments;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice.Comments;

/// <summary>The moderation queue: comments in one state (pending first), to approve, reject or delete.</summary>
public sealed class IndexModel(CommentService comments) : EditorPage
{
    [BindProperty(SupportsGet = true)]
    public CommentState State { get; set; } = CommentState.Pending;

    public IReadOnlyList<ModeratedComment> Comments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Comments = await comments.ListAsync(State, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid key, CancellationToken cancellationToken) =>
        ModerateAsync(comments.ApproveAsync(key, cancellationToken), "Approved: the comment is on the site.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid key, CancellationToken cancellationToken) =>
        ModerateAsync(comments.RejectAsync(key, cancellationToken), "Rejected: the comment stays off the site.", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid key, CancellationToken cancellationToken) =>
        ModerateAsync(comments.DeleteAsync(key, cancellationToken), "Deleted.", cancellationToken);

    private async Task<IActionResult> ModerateAsync(Task<EditResult<ModeratedComment>> change, string notice, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Outcome == EditOutcome.NotFound) return NotFound();
        if (result.Outcome != EditOutcome.Done)
        {
            ShowErrors(result.Errors);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData["Notice"] = notice;
        return RedirectToPage(new { state = State });
    }
}
