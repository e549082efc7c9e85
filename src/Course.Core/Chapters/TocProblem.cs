namespace Course.Core.Chapters;

/// <summary>One broken rule of a table of contents, pointing at the description line to fix.</summary>
/// <param name="Line">1-based line number in the description.</param>
/// <param name="LineText">The line as authored, trimmed, so the editor recognises it.</param>
public sealed record TocProblem(int Line, string LineText, string Message, ProblemSeverity Severity)
{
    /// <summary>The form the editor API returns, e.g. <c>line 4: '7:7' is not a timestamp</c>.</summary>
    public override string ToString() => $"line {Line}: {Message}";
}
