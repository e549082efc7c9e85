using Course.Core.Chapters;
using Course.Core.Comments;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Rendering;
using Course.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Web.Pages;

/// <summary>
/// The comment form (<c>/videos/{slug}/comment</c>), framed by the video and chapter pages. It is never
/// output-cached: its antiforgery token belongs to one visitor. A post redirects back here with the
/// outcome (Post/Redirect/Get), so reloading does not post twice; the idempotency key in the form makes
/// a double click store one comment.
/// </summary>
[EnableRateLimiting(PostingRateLimits.Comments)]
[RequestSizeLimit(Api.CommentApi.MaxRequestBytes)]
public sealed class CommentFormModel(PublishedContentCache cache, CommentService comments) : PageModel
{
    public Video Video { get; private set; } = null!;

    [BindProperty] public string? Author { get; set; }
    [BindProperty] public string? Body { get; set; }
    /// <summary>The second the comment is about, as <c>m:ss</c>, <c>h:mm:ss</c> or seconds.</summary>
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    /// <summary>The honeypot: hidden by CSS, so only robots fill it in.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? IdempotencyKey { get; set; }
    /// <summary>The state of the comment just posted, after the redirect.</summary>
    [FromQuery] public string? Posted { get; set; }
    public CommentState? PostedState => CommentStates.TryParse(Posted, out var state) ? state : null;

    /// <summary>The comment being answered, when it can be.</summary>
    public Comment? ParentComment { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (cache.Current.FindVideo(slug) is not { } video) return NotFound();
        Video = video;
        ParentComment = await AnswerableAsync(cancellationToken);
        IdempotencyKey = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (cache.Current.FindVideo(slug) is not { } video) return NotFound();
        Video = video;
        // A robot is told what a person would be, so it has no reason to try again; nothing is stored.
        if (!string.IsNullOrWhiteSpace(Website)) return Redirected(CommentState.Pending);

        int? at = null;
        if (!string.IsNullOrWhiteSpace(At))
        {
            at = TimeParameter.Parse(At);
            if (at is null) return await InvalidAsync("at", "Write the time as m:ss (13:15), h:mm:ss or seconds (795).", cancellationToken);
        }
        var result = await comments.PostAsync(video, new CommentInput(Author, Body, at, Parent, null), IdempotencyKey, cancellationToken);
        return result.Value is { } comment ? Redirected(comment.State) : await InvalidAsync(result.Errors, cancellationToken);
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private RedirectToPageResult Redirected(CommentState state) =>
        RedirectToPage(new { slug = Video.Slug, posted = CommentStates.Name(state) });

    private Task<IActionResult> InvalidAsync(string field, string message, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        errors.Add(field, message);
        return InvalidAsync(errors, cancellationToken);
    }

    /// <summary>The form again, with what was typed and what to fix.</summary>
    private async Task<IActionResult> InvalidAsync(InputErrors errors, CancellationToken cancellationToken)
    {
        Errors = errors.ToDictionary();
        ParentComment = await AnswerableAsync(cancellationToken);
        return Page();
    }

    // A reply link may outlive its comment: then the form simply starts a new comment.
    private async Task<Comment?> AnswerableAsync(CancellationToken cancellationToken)
    {
        if (Parent is not Guid key || await comments.FindAsync(key, cancellationToken) is not { } found) return null;
        var parent = found.Comment;
        return parent.VideoKey == Video.Key && !parent.IsReply && parent.IsVisibleUnder(null) ? parent : null;
    }
}
