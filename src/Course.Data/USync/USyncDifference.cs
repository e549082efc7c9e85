namespace Course.Data.USync;

/// <summary>How a content file differs from the database (see <see cref="USyncFolder.Compare"/>).</summary>
public enum USyncDrift { Missing, Stale, Orphaned, Unreadable }

/// <summary>One content file that is not what the database would write; <see cref="File"/> is relative to the uSync folder.</summary>
public sealed record USyncDifference(USyncDrift Drift, Guid? Key, string File)
{
    public override string ToString() => $"{Drift.ToString().ToLowerInvariant()}: {File}" + (Key is { } key ? $" (node {key})" : "");
}
