using Course.Core.Content;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>An entry of a node's history: who saved it and when.</summary>
public sealed record ContentVersion(int Id, Guid NodeKey, ContentKind Kind, DateTime Date, string User);

/// <summary>
/// Every save of a video or technique keeps a snapshot of it (Umbraco's content versions), added to
/// the same unit of work as the save itself so the history never misses or invents a change.
/// </summary>
internal static class ContentHistory
{
    public static void Record<T>(CourseDbContext db, ContentKind kind, T content, string user) where T : IContentNode<T> =>
        db.ContentVersions.Add(new ContentVersionRecord
        {
            NodeKey = content.Key, Kind = kind, VersionDate = content.UpdateDate, User = user, Snapshot = ContentSnapshot.Write(content),
        });

    /// <summary>The versions of the node <paramref name="node"/> selects (by its unique slug), newest first; null when there is none.</summary>
    public static async Task<IReadOnlyList<ContentVersion>?> ListAsync(CourseDbContext db, IQueryable<Guid> node, CancellationToken cancellationToken)
    {
        if (await node.Cast<Guid?>().SingleOrDefaultAsync(cancellationToken) is not { } key) return null;
        var records = await db.ContentVersions.AsNoTracking().Where(v => v.NodeKey == key)
            .OrderByDescending(v => v.Id).ToListAsync(cancellationToken);
        return records.Select(v => new ContentVersion(v.Id, v.NodeKey, v.Kind, DateTime.SpecifyKind(v.VersionDate, DateTimeKind.Utc), v.User)).ToList();
    }

    /// <summary>The content as it was saved in version <paramref name="id"/> of the selected node; null when it has no such version.</summary>
    public static async Task<T?> SnapshotAsync<T>(IDbContextFactory<CourseDbContext> databases, Func<CourseDbContext, IQueryable<Guid>> node, int id, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = node(db);
        var record = await db.ContentVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Id == id && keys.Contains(v.NodeKey), cancellationToken);
        return record is null ? null : ContentSnapshot.Read<T>(record.Snapshot);
    }

    public static async Task ForgetAsync(CourseDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.ContentVersions.RemoveRange(await db.ContentVersions.Where(v => v.NodeKey == key).ToListAsync(cancellationToken));
}

/// <summary>Who is making a change, for the version history (Umbraco's back-office security accessor).</summary>
public interface ICurrentEditor
{
    string Name { get; }
}

/// <summary>The editor outside any request: the site's own commands (import, export, first start).</summary>
internal sealed class SiteProcessEditor : ICurrentEditor
{
    public string Name => "site";
}
