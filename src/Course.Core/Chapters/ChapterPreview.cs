namespace Course.Core.Chapters;

// The editor's live preview of a description, shared by the Course backoffice and the Umbraco package's property editor.

/// <summary>The chapters a description gives and every problem at its line, without saving (the backoffice's live preview).</summary>
public sealed record ChapterPreviewRequest(string? Description, int? Duration);

public sealed record ChapterPreviewResponse(IReadOnlyList<PreviewChapter> Chapters, IReadOnlyList<PreviewProblem> Problems, bool Valid)
{
    public static ChapterPreviewResponse From(TableOfContents toc, int? duration)
    {
        var chapters = toc.Chapters.OrderBy(c => c.Start).ToList();
        return new(
            chapters.Select((c, i) => new PreviewChapter(i, c.Line, c.Start, i + 1 < chapters.Count ? chapters[i + 1].Start : duration,
                new Timestamp(c.Start).ToString(), c.Title)).ToList(),
            toc.Problems.OrderBy(p => p.Line).Select(p => new PreviewProblem(p.Line, p.LineText, p.Severity.ToString().ToLowerInvariant(), p.Message, p.ToString())).ToList(),
            toc.IsValid);
    }
}

/// <param name="Line">The description line it came from; 0 for the implied Introduction.</param>
public sealed record PreviewChapter(int Index, int Line, int Start, int? End, string Time, string Title);

/// <param name="LineText">The line as written, so the editor recognises it.</param>
/// <param name="Severity"><c>error</c> (blocks saving) or <c>warning</c>.</param>
/// <param name="Text">As the editor API reports it: <c>line 4: '7:7' is not a timestamp</c>.</param>
public sealed record PreviewProblem(int Line, string LineText, string Severity, string Message, string Text);
