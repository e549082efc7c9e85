namespace Course.Data.USync;

/// <summary>How a content file differs from the database (see <see cref="USyncFolder.Compare"/>).</summary>
public enum USyncDrift { Missing, Stale, Orphaned, Unreadable }

/// <summary>One content file that is not what the database would write; <see cref="File"/> is relative to the uSync folder.</summary>
public sealed record USyncDifference(USyncDrift Drift, Guid? Key, string File)
{
    public override string ToString() => $"{Drift.ToString().ToLowerInvariant()}: {File}" + (Key is { } key ? $" (node {key})" : "");
}

/// <summary>What a reconciliation of the site's uSync folder rewrote, and the files it left for a person to look at.</summary>
public sealed record USyncReconciliation(int Rewritten, int OrphanedLeft, int UnreadableLeft, IReadOnlyList<string> Left)
{
    public static USyncReconciliation Of(IReadOnlyList<USyncDifference> differences, bool orphansRemoved)
    {
        var left = differences.Where(d => d.Drift == USyncDrift.Unreadable || (d.Drift == USyncDrift.Orphaned && !orphansRemoved)).ToList();
        return new(
            differences.Count(d => d.Drift is USyncDrift.Missing or USyncDrift.Stale),
            left.Count(d => d.Drift == USyncDrift.Orphaned),
            left.Count(d => d.Drift == USyncDrift.Unreadable),
            left.Select(d => d.File).ToList());
    }
}
