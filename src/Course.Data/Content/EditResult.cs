using Course.Core.Chapters;
using Course.Core.Editing;

namespace Course.Data.Content;

/// <summary>
/// What became of an editor's change. <see cref="Conflict"/>: it clashes with another item (a slug) or
/// another save won the race (field <c>version</c>); <see cref="Stale"/>: the caller named a version that is
/// no longer the stored one, so nothing was tried.
/// </summary>
public enum EditOutcome { Done, Invalid, NotFound, Conflict, Stale }

/// <summary>The result of an editor's change: the saved content, or why nothing was saved.</summary>
public sealed record EditResult<T>(EditOutcome Outcome, T? Value, InputErrors Errors, IReadOnlyList<TocProblem> Warnings)
    where T : class
{
    public static EditResult<T> Done(T value, IReadOnlyList<TocProblem>? warnings = null) => new(EditOutcome.Done, value, new InputErrors(), warnings ?? []);
    public static EditResult<T> Invalid(InputErrors errors) => new(EditOutcome.Invalid, null, errors, []);
    public static EditResult<T> NotFound() => new(EditOutcome.NotFound, null, new InputErrors(), []);

    /// <summary>The caller's version is not the stored one; <paramref name="stored"/> is what is stored, so the caller can show it.</summary>
    public static EditResult<T> Stale(T stored, string message)
    {
        var errors = new InputErrors();
        errors.Add("version", message);
        return new(EditOutcome.Stale, stored, errors, []);
    }

    public static EditResult<T> Conflict(string field, string message)
    {
        var errors = new InputErrors();
        errors.Add(field, message);
        return new(EditOutcome.Conflict, null, errors, []);
    }
}
