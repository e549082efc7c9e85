using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Data.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice;

/// <summary>
/// The edit page of a document type (technique, video), over its <see cref="ContentService{TContent,TRecord}"/>:
/// the form, the stored item with its versions, and what every type's page does the same way (open, publish, unpublish,
/// restore a version, delete). A page adds its form's mapping, its own posts and what else it shows.
/// </summary>
public abstract class ContentEditorPage<TContent, TRecord, TForm>(ContentService<TContent, TRecord> service) : EditorPage
    where TContent : class, IContentNode<TContent>
    where TRecord : class, IContentRecord, new()
    where TForm : class, new()
{
    [BindProperty] public TForm Form { get; set; } = new();

    /// <summary>The stored item; null while creating one.</summary>
    public TContent? Stored { get; private set; }
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    /// <summary>The form filled from a stored item.</summary>
    protected abstract TForm FormFrom(TContent stored);

    /// <summary>Where a deleted item's editor goes, with what notice.</summary>
    protected abstract (string Page, string Notice) AfterDelete(string slug);

    /// <summary>What the page shows beside the form and the stored item (loaded for every answer that shows the page).</summary>
    protected virtual Task ShowMoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            if (await service.FindAsync(slug, cancellationToken) is not { } stored) return NotFound();
            Form = FormFrom(stored);
        }
        return await ShowAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await service.PublishAsync(slug, BaseVersion, cancellationToken), "Published.", cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await service.UnpublishAsync(slug, BaseVersion, cancellationToken), "Unpublished: only editors see it now.", cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int version, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await service.RestoreAsync(slug, version, BaseVersion, cancellationToken), $"Restored version {version} as a new version.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await service.DeleteAsync(slug, BaseVersion, cancellationToken);
        if (result.Outcome != EditOutcome.Done) return await AfterStoredChangeAsync(slug, result, "", cancellationToken);
        var (page, notice) = AfterDelete(slug);
        TempData["Notice"] = notice;
        return RedirectToPage(page);
    }

    /// <summary>After a save: the new item's page, or the form again as the editor posted it with the problems.</summary>
    protected Task<IActionResult> AfterSaveAsync(string? slug, EditResult<TContent> result, CancellationToken cancellationToken) =>
        AfterChangeAsync(result, c => c.Slug, slug is null ? "Created a draft." : "Saved.", () => ShowAsync(slug, cancellationToken));

    /// <summary>
    /// After a change of a stored item other than its form's save: a refused one shows the form as the item is stored
    /// (what the editor typed in the main form was not posted); the page's other forms keep what they posted.
    /// </summary>
    protected Task<IActionResult> AfterStoredChangeAsync(string slug, EditResult<TContent> result, string notice, CancellationToken cancellationToken) =>
        AfterChangeAsync(result, c => c.Slug, notice, async () =>
        {
            if (await service.FindAsync(slug, cancellationToken) is { } stored) Form = FormFrom(stored);
            return await ShowAsync(slug, cancellationToken);
        });

    protected async Task<IActionResult> ShowAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            Stored = await service.FindAsync(slug, cancellationToken);
            if (Stored is null) return NotFound();
            Versions = await service.VersionsAsync(slug, cancellationToken) ?? [];
        }
        await ShowMoreAsync(cancellationToken);
        return Page();
    }
}
