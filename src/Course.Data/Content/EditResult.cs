using Course.Core.Chapters;
using Course.Core.Editing;

namespace Course.Data.Content;

public enum EditOutcome { Done, Invalid, NotFound, Conflict }

/// <summary>The result of an editor's change: the saved content, or why nothing was saved.</summary>
public sealed record EditResult<T>(EditOutcome Outcome, T? Value, InputErrors Errors, IReadOnlyList<TocProblem> Warnings)
    where T : class
{
    public static EditResult<T> Done(T value, IReadOnlyList<TocProblem>? warnings = null) => new(EditOutcome.Done, value, new InputErrors(), warnings ?? []);
    public static EditResult<T> Invalid(InputErrors errors) => new(EditOutcome.Invalid, null, errors, []);
    public static EditResult<T> NotFound() => new(EditOutcome.NotFound, null, new InputErrors(), []);

    public static EditResult<T> Conflict(string field, string message)
    {
        var errors = new InputErrors();
        errors.Add(field, message);
        return new(EditOutcome.Conflict, null, errors, []);
    }
}
