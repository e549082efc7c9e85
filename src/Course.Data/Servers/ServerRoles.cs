using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Course.Data.Servers;

/// <summary>
/// This node's role: the configured one, or, when none is configured, elected through a lease row in the database
/// (the node holding the unexpired <c>scheduling</c> lease is the scheduling node; a lone node always wins it and
/// so behaves as <see cref="ServerRole.Single"/>). Only the scheduling node writes uSync files and prunes.
/// </summary>
public sealed class ServerRoles(IDbContextFactory<CourseDbContext> databases, ServerSettings settings, TimeProvider clock, ILogger<ServerRoles> logger)
{
    public const string SchedulingLease = "scheduling";

    private volatile bool holdsLease;
    private DateTime leaseUntil;

    public bool IsElected => settings.Role is null;

    public ServerRole Current => settings.Role ?? (holdsLease ? ServerRole.SchedulingPublisher : ServerRole.Subscriber);

    /// <summary>Whether this node writes uSync files and prunes the instruction log.</summary>
    public bool IsScheduling => Current is ServerRole.Single or ServerRole.SchedulingPublisher;

    /// <summary>
    /// Takes or renews the scheduling lease when roles are elected: renewed by its holder before it runs out, taken
    /// by any node once it has expired. Several nodes may try at once; the conditional update lets one win. True when
    /// this node has just become the scheduling node.
    /// </summary>
    public async Task<bool> ElectAsync(CancellationToken cancellationToken)
    {
        if (!IsElected) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        // The holder renews once a third of the lease is used, so a poll or two may be missed without losing it.
        if (holdsLease && leaseUntil - now > settings.Lease * 2 / 3) return false;
        var until = now + settings.Lease;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var taken = await db.ServerLeases
            .Where(l => l.Name == SchedulingLease && (l.Holder == settings.NodeId || l.ExpiresUtc < now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, settings.NodeId).SetProperty(x => x.ExpiresUtc, until), cancellationToken);
        if (taken == 0 && !await db.ServerLeases.AnyAsync(l => l.Name == SchedulingLease, cancellationToken))
        {
            db.ServerLeases.Add(new ServerLeaseRecord { Name = SchedulingLease, Holder = settings.NodeId, ExpiresUtc = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                taken = 1;
            }
            catch (DbUpdateException)
            {
                // Another node inserted the row first: it holds the lease.
            }
        }
        var holds = taken > 0;
        var became = holds && !holdsLease;
        if (holds != holdsLease)
            logger.LogInformation(holds ? "This node ({Node}) is now the scheduling node" : "This node ({Node}) is no longer the scheduling node", settings.NodeId);
        holdsLease = holds;
        leaseUntil = holds ? until : default;
        return became;
    }
}
