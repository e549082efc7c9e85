using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Data.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice.Techniques;

/// <summary>Creates (no slug) or edits a technique page; publish, unpublish, delete, versions.</summary>
public sealed class EditModel(TechniqueService techniques) : ContentEditorPage<Technique, TechniqueRecord, TechniqueForm>(techniques)
{
    public async Task<IActionResult> OnPostSaveAsync(string? slug, CancellationToken cancellationToken) =>
        await AfterSaveAsync(slug, slug is null
            ? await techniques.CreateAsync(Form.ToInput(), publish: false, cancellationToken)
            : await techniques.UpdateAsync(slug, Form.ToInput(), BaseVersion, cancellationToken), cancellationToken);

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

    protected override TechniqueForm FormFrom(Technique stored) => TechniqueForm.From(stored);

    protected override (string Page, string Notice) AfterDelete(string slug) =>
        ("/Backoffice/Techniques/Index", $"Deleted '{slug}'; chapters that showed it no longer do.");
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
