namespace Course.Data.Servers;

/// <summary>What a node does besides serving (Umbraco's server roles).</summary>
public enum ServerRole
{
    /// <summary>The only node: it writes uSync files and prunes the instruction log.</summary>
    Single,
    /// <summary>One of several nodes, the one that writes uSync files and prunes.</summary>
    SchedulingPublisher,
    /// <summary>One of several nodes: it follows the instruction log and serves, nothing more.</summary>
    Subscriber,
}

/// <summary>
/// How this node takes part in a group of nodes on one database (<c>Course:Server</c>).
/// </summary>
/// <param name="NodeId">names this node in the instruction log and the lease</param>
/// <param name="Role">the configured role; null: elected through the scheduling lease</param>
/// <param name="MaxBehind">further behind than this many instructions, a node cold-boots instead of replaying them</param>
/// <param name="Retention">instructions older than this are pruned</param>
/// <param name="Lease">how long the elected scheduling node holds its lease without renewing it</param>
/// <param name="GapWait">how long a hole in the instruction ids is waited for before it is taken as final (<see cref="InstructionGap"/>)</param>
public sealed record ServerSettings(string NodeId, ServerRole? Role, int MaxBehind, TimeSpan Retention, TimeSpan Lease, TimeSpan GapWait)
{
    /// <summary>At most this many instructions are applied as one batch.</summary>
    public const int BatchSize = 500;

    public static ServerSettings Default { get; } = new(NodeIdFor(AppContext.BaseDirectory), Role: null, MaxBehind: 5000, Retention: TimeSpan.FromDays(2), Lease: TimeSpan.FromSeconds(15), GapWait: TimeSpan.FromSeconds(5));

    /// <summary>
    /// The machine and the site's folder, as Umbraco names a server: a node restarted after a crash is the same node and
    /// takes its lease back at once. Several nodes run from one folder on one machine must each be given an id.
    /// </summary>
    public static string NodeIdFor(string siteFolder) => $"{Environment.MachineName}:{siteFolder}";
}
