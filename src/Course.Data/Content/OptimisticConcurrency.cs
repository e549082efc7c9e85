using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// How a content service saves over a version: the caller may name the version it saw (an HTTP
/// <c>If-Match</c>, a form's hidden field), and the row's <c>Version</c> is a concurrency token, so of two
/// saves that loaded the same version only the first commits; the other changes nothing and is told.
/// </summary>
internal static class OptimisticConcurrency
{
    public static string StaleMessage(string what, int stored, int expected) =>
        $"The {what} was changed since version {expected} you started from: the stored version is {stored}. Reload it, or send that version to save over it.";

    public static string LostRaceMessage(string what) =>
        $"Someone else saved this {what} while you were saving it; nothing of yours was stored. Reload it to see their version.";

    /// <summary>True when the caller named a version and it is not the stored one.</summary>
    public static bool IsStale(int stored, int? expected) => expected is { } version && version != stored;

    /// <summary>Commits, or returns false and stores nothing when another save of the same rows committed first.</summary>
    public static async Task<bool> TrySaveAsync(CourseDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
