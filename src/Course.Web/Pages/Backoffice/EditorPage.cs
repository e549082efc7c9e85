using Course.Core.Editing;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Course.Web.Pages.Backoffice;

/// <summary>
/// What the backoffice's edit pages share: problems by field shown beside the form (status 400, or
/// 409 for a clash), and after a change that worked, a notice and a fresh GET of the page.
/// </summary>
public abstract class EditorPage : PageModel
{
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    protected void ShowErrors(InputErrors errors, int status = StatusCodes.Status400BadRequest)
    {
        Errors = errors.ToDictionary();
        Response.StatusCode = status;
    }

    /// <summary>Redirects to <paramref name="slug"/>'s page with <paramref name="notice"/> when the change was made; otherwise shows why not.</summary>
    protected async Task<IActionResult> AfterChangeAsync<T>(EditResult<T> result, Func<T, string> slug, string notice, Func<Task<IActionResult>> show)
        where T : class
    {
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                var warnings = result.Warnings.Select(w => w.ToString()).ToList();
                TempData["Notice"] = warnings.Count == 0 ? notice : $"{notice} Warnings: {string.Join("; ", warnings)}";
                return RedirectToPage(new { slug = slug(result.Value!) });
            case EditOutcome.NotFound:
                return NotFound();
            default:
                ShowErrors(result.Errors, result.Outcome == EditOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
                return await show();
        }
    }
}
