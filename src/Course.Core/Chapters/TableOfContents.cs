namespace Course.Core.Chapters;

/// <summary>
/// The chapters read from a description and every rule they break. Chapters are returned even when
/// there are errors, so editors can preview what was understood while they fix the rest.
/// </summary>
public sealed record TableOfContents(IReadOnlyList<ParsedChapter> Chapters, IReadOnlyList<TocProblem> Problems)
{
    /// <summary>True when nothing blocks publishing: warnings alone do not.</summary>
    public bool IsValid => !Errors.Any();

    public IEnumerable<TocProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<TocProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
