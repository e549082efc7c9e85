using Course.Core.Editing;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Course.Web.Pages.Backoffice;

/// <summary>
/// What the backoffice's edit pages share: problems by field shown beside the form (status 400, or
/// 409 for a clash), and after a change that worked, a notice and a fresh GET of the page. Every form
/// posts <see cref="BaseVersion"/>, the stored version the page showed, so that a save over someone
/// else's newer one is refused (409) and shown beside what the editor typed, which stays in the form.
/// </summary>
public abstract class EditorPage : PageModel
{
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The stored version the editor started from (a hidden field of every form); null on a new item.</summary>
    [BindProperty] public int? BaseVersion { get; set; }

    /// <summary>The change was refused because someone else saved the item after the editor opened it.</summary>
    public bool ChangedMeanwhile { get; private set; }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    protected void ShowErrors(InputErrors errors, int status = StatusCodes.Status400BadRequest)
    {
        Errors = errors.ToDictionary();
        Response.StatusCode = status;
    }

    /// <summary>
    /// One row of the "changed meanwhile" panel: a field as the editor has it in the form and as it is stored.
    /// </summary>
    public sealed record FieldVersions(string Field, string Yours, string Stored)
    {
        public bool Differ => Yours.ReplaceLineEndings("\n").Trim() != Stored.ReplaceLineEndings("\n").Trim();
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
                ChangedMeanwhile = result.Outcome == EditOutcome.Stale || (result.Outcome == EditOutcome.Conflict && result.Errors.ToDictionary().ContainsKey("version"));
                ShowErrors(result.Errors, result.Outcome is EditOutcome.Conflict or EditOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
                return await show();
        }
    }
}
