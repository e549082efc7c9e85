using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Servers;

/// <summary>One instruction as nodes apply it: its id and the changes it carries (one per key).</summary>
public sealed record Instruction(long Id, DateTime UtcDate, string OriginNode, IReadOnlyList<ContentChangedNotification> Changes);

/// <summary>
/// The database's instruction log: writers add to it inside their own transaction (<see cref="Add"/>), nodes read
/// what they have not applied, and the scheduling node prunes what is older than the retention.
/// </summary>
public sealed class InstructionLog(IDbContextFactory<CourseDbContext> databases, ServerSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Adds an instruction to <paramref name="db"/>'s unit of work, so it commits with the change it reports or not at
    /// all. Its id is set once the unit of work is saved.
    /// </summary>
    public InstructionRecord Add(CourseDbContext db, ContentKind kind, ContentChange change, IEnumerable<Guid> keys)
    {
        var record = new InstructionRecord
        {
            UtcDate = clock.GetUtcNow().UtcDateTime,
            OriginNode = settings.NodeId,
            Kind = kind,
            Change = change,
            Keys = string.Join(',', keys),
        };
        db.Instructions.Add(record);
        return record;
    }

    public InstructionRecord Add(CourseDbContext db, ContentKind kind, ContentChange change, Guid key) => Add(db, kind, change, [key]);

    /// <summary>Instructions after <paramref name="id"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<Instruction>> ReadAfterAsync(long id, int max, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var records = await db.Instructions.AsNoTracking().Where(i => i.Id > id).OrderBy(i => i.Id).Take(max).ToListAsync(cancellationToken);
        return records.Select(ToInstruction).ToList();
    }

    /// <summary>The oldest and newest ids in the log; zeros when it is empty.</summary>
    public async Task<(long Oldest, long Newest)> RangeAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Each end read through the key's index: one aggregate over the table scanned every row at every refresh,
        // and the log holds two days of changes.
        var oldest = await db.Instructions.OrderBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var newest = await db.Instructions.OrderByDescending(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        return (oldest ?? 0, newest ?? 0);
    }

    /// <summary>
    /// Deletes instructions older than the retention, always keeping the newest (a node that was away compares its last
    /// id with what is left, and sees it was pruned). Returns how many went.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - settings.Retention;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var newest = await db.Instructions.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
        return await db.Instructions.Where(i => i.UtcDate < before && i.Id < newest).ExecuteDeleteAsync(cancellationToken);
    }

    private static Instruction ToInstruction(InstructionRecord record) => new(
        record.Id,
        DateTime.SpecifyKind(record.UtcDate, DateTimeKind.Utc),
        record.OriginNode,
        record.Keys.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(key => new ContentChangedNotification(record.Kind, Guid.Parse(key), record.Change)).ToList());
}
