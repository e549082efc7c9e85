namespace Course.Core.Chapters;

/// <summary>Errors block publishing; warnings are shown to the editor but let the video through.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}
