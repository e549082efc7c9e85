namespace Course.Data.USync;

/// <summary>Why a uSync file could not be read: the file, the line when known, and what is wrong.</summary>
public sealed record USyncProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File} line {line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A uSync file that is not the content Course expects.</summary>
public sealed class USyncFormatException(USyncProblem problem) : Exception(problem.ToString())
{
    public USyncProblem Problem { get; } = problem;
    public string File => Problem.File;
    public int? Line => Problem.Line;
}
