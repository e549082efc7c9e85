using System.Text;
using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Data.Storage;
using Course.Web.Api.Manage;
using Course.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Pages.Backoffice.Videos;

/// <summary>
/// Creates (no slug) or edits a video: its fields with an uploaded file or a YouTube/Vimeo address as
/// source, the chapters its description gives with every problem at its line, each chapter's
/// techniques and notes, its state and its versions.
/// </summary>
public sealed class EditModel(VideoService videos, TechniqueService techniques, MediaLibrary media, VideoPictures pictures)
    : ContentEditorPage<Video, VideoRecord, VideoForm>(videos)
{
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The poster and chapter frames the editor's browser drew from the video file (video-pictures.js).</summary>
    [BindProperty] public List<IFormFile> Pictures { get; set; } = [];
    [BindProperty] public List<ChapterForm> Chapters { get; set; } = [];
    [BindProperty] public CaptionForm Caption { get; set; } = new();
    [BindProperty] public IFormFile? CaptionFile { get; set; }

    public IReadOnlyList<Technique> Techniques { get; private set; } = [];
    /// <summary>What the description in the form gives, rendered without script too.</summary>
    public ChapterPreviewResponse Preview { get; private set; } = null!;
    public long MaxUploadBytes => media.MaxUploadBytes;

    public async Task<IActionResult> OnPostSaveAsync(string? slug, CancellationToken cancellationToken)
    {
        var pictureErrors = new InputErrors();
        await pictures.CheckAsync(Pictures, pictureErrors, cancellationToken);
        if (pictureErrors.Any)
        {
            ShowErrors(pictureErrors);
            return await ShowAsync(slug, cancellationToken);
        }
        if (Upload is not null)
        {
            var errors = new InputErrors();
            if (await media.SaveAsync(Upload, Form.Title ?? "", "upload", errors, cancellationToken) is not { } path)
            {
                ShowErrors(errors);
                return await ShowAsync(slug, cancellationToken);
            }
            Form.Source = path;
        }
        var result = slug is null
            ? await videos.CreateAsync(Form.ToInput(), cancellationToken)
            : await videos.UpdateAsync(slug, Form.ToInput(), BaseVersion, cancellationToken);
        // Nothing half-saved: an upload for a video that was not saved goes with it.
        if (Upload is not null && result.Outcome != EditOutcome.Done) media.Forget(Form.Source!);
        if (result.Outcome == EditOutcome.Done && Form.Source is { } saved) await pictures.SaveAsync(saved, Pictures);
        return await AfterSaveAsync(slug, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostChaptersAsync(string slug, CancellationToken cancellationToken)
    {
        var edits = Chapters.Select(c => new ChapterEdit(c.Index, c.Techniques, c.Notes ?? "")).ToList();
        return await AfterStoredChangeAsync(slug, await videos.EditChaptersAsync(slug, edits, BaseVersion, cancellationToken), "Chapters saved.", cancellationToken);
    }

    /// <summary>
    /// Sets the captions in one language from an uploaded or pasted WebVTT or SubRip file, through the same
    /// service call and rules as the editor API: a file with any problem stores nothing and is shown again,
    /// each problem beside its line.
    /// </summary>
    public async Task<IActionResult> OnPostCaptionsAsync(string slug, CancellationToken cancellationToken)
    {
        var file = CaptionFile is { Length: > 0 } upload ? await ReadCaptionFileAsync(upload, cancellationToken) : Encoding.UTF8.GetBytes(Caption.Text ?? "");
        var format = Path.GetExtension(CaptionFile?.FileName)?.ToLowerInvariant() switch
        {
            ".vtt" => CaptionFormat.WebVtt,
            ".srt" => CaptionFormat.SubRip,
            _ => CaptionFormats.Sniff(file),
        };
        var result = await videos.SetCaptionsAsync(slug, new CaptionUpload(Caption.Language, Caption.Label, format, file), BaseVersion, cancellationToken);
        // An uploaded file that was refused comes back in the text box (when it is text), so it can be fixed line by line.
        if (CaptionFile is { Length: > 0 } && result.Outcome != EditOutcome.Done && Utf8(file) is { } text) Caption.Text = text;
        return await AfterStoredChangeAsync(slug, result, $"Captions in {LanguageTag.Normalize(Caption.Language)} saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCaptionsAsync(string slug, string language, CancellationToken cancellationToken) =>
        await AfterStoredChangeAsync(slug, await videos.RemoveCaptionsAsync(slug, language, BaseVersion, cancellationToken), $"Captions in {language} removed.", cancellationToken);

    /// <summary>The caption problems of the last post, each with the text of its line from the file as posted.</summary>
    public IEnumerable<(CaptionProblem Problem, string? LineText)> CaptionProblems()
    {
        var lines = (Caption.Text ?? "").ReplaceLineEndings("\n").Split('\n');
        foreach (var message in ErrorsFor("captions"))
        {
            if (CaptionProblem.Parse(message) is not { } problem) continue;
            yield return (problem, problem.Line <= lines.Length ? lines[problem.Line - 1] : null);
        }
    }

    /// <summary>What the editor posted for a chapter in the chapters form (kept when that save is refused); null when it did not post it.</summary>
    public ChapterForm? PostedChapter(int index) => Chapters.FirstOrDefault(c => c.Index == index);

    /// <summary>The form's fields beside the stored video's, for the "changed meanwhile" panel.</summary>
    public IReadOnlyList<FieldVersions> FieldsBesideStored(Video stored) =>
    [
        new("Title", Form.Title ?? "", stored.Title), new("Slug", Form.Slug ?? "", stored.Slug),
        new("Source", Form.Source ?? "", stored.Source), new("Duration", Form.Duration?.ToString() ?? "", stored.Duration?.ToString() ?? ""),
        new("Description", Form.Description ?? "", stored.Description),
        .. stored.Chapters.Select(c => PostedChapter(c.Index) is { } posted
            ? new FieldVersions($"Notes of {c.Title}", posted.Notes ?? "", c.Notes)
            : null).OfType<FieldVersions>(),
    ];

    protected override VideoForm FormFrom(Video stored) => VideoForm.From(stored);

    protected override (string Page, string Notice) AfterDelete(string slug) => ("/Backoffice/Index", $"Deleted '{slug}'.");

    // At most one byte past the limit: enough for the rules to refuse the file by its size.
    private static async Task<byte[]> ReadCaptionFileAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        await using var stream = upload.OpenReadStream();
        var file = new byte[Math.Min(upload.Length, CaptionRules.MaxBytes + 1)];
        await stream.ReadExactlyAsync(file, cancellationToken);
        return file;
    }

    private static string? Utf8(byte[] bytes)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    protected override async Task ShowMoreAsync(CancellationToken cancellationToken)
    {
        Techniques = await techniques.ListAsync(cancellationToken);
        var duration = Form.Duration is >= 1 and <= VideoInputRules.MaxDuration ? Form.Duration : null;
        Preview = ChapterPreviewResponse.From(TableOfContentsParser.Parse(Form.Description ?? "", duration), duration);
    }
}

/// <summary>The video fields as the form posts them.</summary>
public sealed class VideoForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Source { get; set; }
    public int? Duration { get; set; }
    public string? Description { get; set; }

    public static VideoForm From(Video video) => new()
    {
        Title = video.Title, Slug = video.Slug, Source = video.Source, Duration = video.Duration, Description = video.Description,
    };

    public VideoInput ToInput() => new(Title, Slug, Source, Duration, Description);
}

/// <summary>One chapter's techniques (slugs) and notes as the chapters form posts them.</summary>
public sealed class ChapterForm
{
    public int Index { get; set; }
    public List<string> Techniques { get; set; } = [];
    public string? Notes { get; set; }
}

/// <summary>A caption track as the captions form posts it; the file comes as an upload or as pasted <see cref="Text"/>.</summary>
public sealed class CaptionForm
{
    public string? Language { get; set; }
    public string? Label { get; set; }
    public string? Text { get; set; }
}
