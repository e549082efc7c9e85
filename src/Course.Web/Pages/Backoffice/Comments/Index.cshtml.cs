using Course.Core.Comments;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Web.Api.Manage;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice.Comments;

/// <summary>The moderation queue: comments in one state (pending first), to approve, reject or delete.</summary>
public sealed class IndexModel(CommentService comments) : EditorPage
{
    [BindProperty(SupportsGet = true)]
    public CommentState State { get; set; } = CommentState.Pending;

    /// <summary>Which page of the list, from 1 (<c>?p=2</c>); a long queue is shown <see cref="ManageCommentApi.DefaultPageSize"/> at a time.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ModeratedPage Comments { get; private set; } = new([], 0, new PageRequest(1, ManageCommentApi.DefaultPageSize));

    public int LastPage => Math.Max(1, (Comments.Total + Comments.Page.PageSize - 1) / Comments.Page.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Comments = await comments.ListAsync(State, new PageRequest(Math.Clamp(PageNumber, 1, ManageCommentApi.MaxPage), ManageCommentApi.DefaultPageSize), cancellationToken);

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
        return RedirectToPage(new { state = State, p = PageNumber });
    }
}
