namespace Course.Core.Editing;

/// <summary>
/// What an editor attaches to one chapter: the techniques it shows (slugs, in order) and notes.
/// A null member leaves that part of the chapter as it is.
/// </summary>
public sealed record ChapterEdit(int Index, IReadOnlyList<string>? Techniques, string? Notes);

public static class ChapterEditRules
{
    public const int MaxNotesLength = 4000;
    public const int MaxTechniques = 20;

    /// <summary>Checks edits of a video with <paramref name="chapterCount"/> chapters; fields are named <c>chapters[i].…</c>.</summary>
    public static void Check(IReadOnlyList<ChapterEdit> edits, int chapterCount, InputErrors errors)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i];
            if (edit.Index < 0 || edit.Index >= chapterCount)
                errors.Add($"chapters[{i}].index", $"The video has no chapter {edit.Index}; it has {chapterCount}.");
            else if (!seen.Add(edit.Index))
                errors.Add($"chapters[{i}].index", $"Chapter {edit.Index} is edited twice.");
            if (edit.Notes?.Length > MaxNotesLength)
                errors.Add($"chapters[{i}].notes", $"Notes have at most {MaxNotesLength} characters.");
            else TextRules.Check(edit.Notes, $"chapters[{i}].notes", TextShape.Lines, errors);
            if (edit.Techniques?.Count > MaxTechniques)
                errors.Add($"chapters[{i}].techniques", $"A chapter shows at most {MaxTechniques} techniques.");
        }
    }
}
