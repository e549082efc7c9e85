using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice.Techniques;

/// <summary>Creates (no slug) or edits a technique page; publish, unpublish, delete, versions.</summary>
public sealed class EditModel(TechniqueService techniques) : EditorPage
{
    [BindProperty] public TechniqueForm Form { get; set; } = new();

    public Technique? Technique { get; private set; }
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            if (await techniques.FindAsync(slug, cancellationToken) is not { } technique) return NotFound();
            Form = TechniqueForm.From(technique);
        }
        return await ShowAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string? slug, CancellationToken cancellationToken)
    {
        var result = slug is null
            ? await techniques.CreateAsync(Form.ToInput(), publish: false, cancellationToken)
            : await techniques.UpdateAsync(slug, Form.ToInput(), BaseVersion, cancellationToken);
        return await AfterChangeAsync(result, t => t.Slug, slug is null ? "Created a draft." : "Saved.", () => ShowAsync(slug, cancellationToken));
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await techniques.PublishAsync(slug, BaseVersion, cancellationToken), "Published.", cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await techniques.UnpublishAsync(slug, BaseVersion, cancellationToken), "Unpublished.", cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int version, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await techniques.RestoreAsync(slug, version, BaseVersion, cancellationToken), $"Restored version {version} as a new version.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await techniques.DeleteAsync(slug, BaseVersion, cancellationToken);
        if (result.Outcome != EditOutcome.Done) return await AfterStoredChangeAsync(slug, result, "", cancellationToken);
        TempData["Notice"] = $"Deleted '{slug}'; chapters that showed it no longer do.";
        return RedirectToPage("/Backoffice/Techniques/Index");
    }

    /// <summary>The form's fields beside the stored technique's, for the "changed meanwhile" panel.</summary>
    public IReadOnlyList<FieldVersions> FieldsBesideStored(Technique stored)
    {
        var theirs = TechniqueForm.From(stored);
        return
        [
            new("Name", Form.Name ?? "", theirs.Name!), new("Slug", Form.Slug ?? "", theirs.Slug!),
            new("Summary", Form.Summary ?? "", theirs.Summary!), new("Body", Form.Body ?? "", theirs.Body!),
            new("Muscles", Form.Muscles ?? "", theirs.Muscles!), new("Regions", Form.Regions ?? "", theirs.Regions!),
        ];
    }

    private async Task<IActionResult> AfterStoredChangeAsync(string slug, EditResult<Technique> result, string notice, CancellationToken cancellationToken) =>
        await AfterChangeAsync(result, t => t.Slug, notice, async () =>
        {
            if (await techniques.FindAsync(slug, cancellationToken) is { } technique) Form = TechniqueForm.From(technique);
            return await ShowAsync(slug, cancellationToken);
        });

    private async Task<IActionResult> ShowAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is null) return Page();
        Technique = await techniques.FindAsync(slug, cancellationToken);
        if (Technique is null) return NotFound();
        Versions = await techniques.VersionsAsync(slug, cancellationToken) ?? [];
        return Page();
    }
}

/// <summary>The technique fields as the form posts them; muscles and regions comma-separated.</summary>
public sealed class TechniqueForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? Muscles { get; set; }
    public string? Regions { get; set; }

    public static TechniqueForm From(Technique technique) => new()
    {
        Name = technique.Name, Slug = technique.Slug, Summary = technique.Summary, Body = technique.Body,
        Muscles = string.Join(", ", technique.Muscles), Regions = string.Join(", ", technique.Regions),
    };

    public TechniqueInput ToInput() => new(Name, Slug, Summary, Body, Tags(Muscles), Tags(Regions));

    private static IReadOnlyList<string> Tags(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
