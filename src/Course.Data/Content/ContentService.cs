using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Notifications;
using Course.Data.Servers;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>What every content service writes with: the database, the instruction log and this node's refresher.</summary>
public sealed record ContentWriting(
    IDbContextFactory<CourseDbContext> Databases, InstructionLog Instructions, ContentRefresher Refresher, WriteGate Gate, TimeProvider Clock, ICurrentEditor Editor)
{
    /// <summary>
    /// Saves <paramref name="db"/>'s unit of work with an instruction for the change, then applies it on this node, so
    /// pages and search show it when the call returns. The refresh never throws and is not cancelled with the request:
    /// the change is committed by then. False, with nothing stored, when another save of the same rows committed first.
    /// </summary>
    public async Task<bool> SaveAsync(CourseDbContext db, ContentKind kind, ContentChange change, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var instruction = Instructions.Add(db, kind, change, keys);
        if (!await Gate.RunAsync(() => OptimisticConcurrency.TrySaveAsync(db, cancellationToken), cancellationToken)) return false;
        await Refresher.RefreshAsync(instruction.Id, CancellationToken.None);
        return true;
    }
}

/// <summary>
/// Editors' operations on one document type, drafts included (Umbraco's content service): create, change, publish,
/// unpublish, versions, restore, delete. Each saves in one transaction, with a version in the history and an
/// instruction in the log, and then refreshes this node. A document type supplies only how its rows map.
/// </summary>
public abstract class ContentService<TContent, TRecord>(ContentWriting writing)
    where TContent : class, IContentNode<TContent>
    where TRecord : class, IContentRecord, new()
{
    protected ContentWriting Writing => writing;

    protected abstract ContentKind Kind { get; }

    /// <summary>The document type's name in messages: "video", "technique".</summary>
    protected abstract string Noun { get; }

    protected abstract DbSet<TRecord> Rows(CourseDbContext db);

    /// <summary>The rows with what their domain object needs (a video's chapters).</summary>
    protected virtual IQueryable<TRecord> Loaded(IQueryable<TRecord> rows) => rows;

    /// <summary>The order editors list them in.</summary>
    protected abstract IQueryable<TRecord> Ordered(IQueryable<TRecord> rows);

    protected abstract TContent ToContent(TRecord record);

    /// <summary>Copies <paramref name="content"/> onto its tracked row.</summary>
    protected abstract void Store(CourseDbContext db, TRecord record, TContent content);

    /// <summary>What restoring <paramref name="snapshot"/> over <paramref name="current"/> saves: its content, the current node's identity and state.</summary>
    protected abstract TContent Restored(TContent current, TContent snapshot);

    public async Task<IReadOnlyList<TContent>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        var records = await Ordered(Loaded(Rows(db).AsNoTracking())).ToListAsync(cancellationToken);
        return records.Select(ToContent).ToList();
    }

    public async Task<TContent?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        var record = await Loaded(Rows(db).AsNoTracking()).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        return record is null ? null : ToContent(record);
    }

    public async Task<TContent?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        var record = await Loaded(Rows(db).AsNoTracking()).SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        return record is null ? null : ToContent(record);
    }

    public Task<EditResult<TContent>> PublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Published, c => c.WithState(true, c.UpdateDate, false, c.Version), [], cancellationToken);

    public Task<EditResult<TContent>> UnpublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Unpublished, c => c.WithState(false, c.UpdateDate, false, c.Version), [], cancellationToken);

    /// <summary>The node's saved versions, newest first; null when there is no such node.</summary>
    public async Task<IReadOnlyList<ContentVersion>?> VersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        return await ContentHistory.ListAsync(db, KeyOf(db, slug), cancellationToken);
    }

    /// <summary>
    /// Saves the content of an earlier version as the newest one. Publishing state is left as it is: restoring is
    /// an edit, and publishing stays a decision of its own.
    /// </summary>
    public async Task<EditResult<TContent>> RestoreAsync(string slug, int versionId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (await ContentHistory.SnapshotAsync<TContent>(writing.Databases, db => KeyOf(db, slug), versionId, cancellationToken) is not { } snapshot)
            return EditResult<TContent>.NotFound();
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, current => Restored(current, snapshot), [], cancellationToken);
    }

    /// <summary>Deletes the node and its history, as Umbraco deletes a node's versions with it; the result holds what was deleted.</summary>
    public async Task<EditResult<TContent>> DeleteAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        var record = await Loaded(Rows(db)).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (record is null) return EditResult<TContent>.NotFound();
        var deleted = ToContent(record);
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<TContent>.Stale(deleted, OptimisticConcurrency.StaleMessage(Noun, record.Version, expectedVersion!.Value));
        Rows(db).Remove(record);
        await ContentHistory.ForgetAsync(db, record.Key, cancellationToken);
        if (!await writing.SaveAsync(db, Kind, ContentChange.Deleted, [record.Key], cancellationToken))
            return EditResult<TContent>.Conflict("version", OptimisticConcurrency.LostRaceMessage(Noun));
        return EditResult<TContent>.Done(deleted);
    }

    /// <summary>Saves a new node, with its first version.</summary>
    protected async Task<EditResult<TContent>> CreateAsync(TContent content, IReadOnlyList<TocProblem> warnings, CancellationToken cancellationToken)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        if (await SlugTakenAsync(db, content.Key, content.Slug, cancellationToken)) return SlugConflict(content.Slug);
        content = content.WithState(content.Published, content.UpdateDate, false, 1);
        var record = new TRecord { Version = 1 };
        Store(db, record, content);
        Rows(db).Add(record);
        ContentHistory.Record(db, Kind, content, writing.Editor.Name);
        await writing.SaveAsync(db, Kind, content.Published ? ContentChange.Published : ContentChange.Saved, [content.Key], cancellationToken);
        return EditResult<TContent>.Done(content, warnings);
    }

    /// <summary>
    /// Loads, checks the caller's version (<paramref name="expectedVersion"/>: the one it saw, or null to save over any),
    /// applies <paramref name="change"/> (null: not found) and stores it as the next version with a history entry; a save
    /// that lost the race to another stores nothing. A save of a published node keeps what is live until it is
    /// published again; publishing or unpublishing lets the live copy go.
    /// </summary>
    protected async Task<EditResult<TContent>> ChangeAsync(
        string slug, int? expectedVersion, ContentChange kind, Func<TContent, TContent?> change, IReadOnlyList<TocProblem> warnings,
        CancellationToken cancellationToken)
    {
        await using var db = await writing.Databases.CreateDbContextAsync(cancellationToken);
        var record = await Loaded(Rows(db)).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (record is null) return EditResult<TContent>.NotFound();
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<TContent>.Stale(ToContent(record), OptimisticConcurrency.StaleMessage(Noun, record.Version, expectedVersion!.Value));
        if (change(ToContent(record)) is not { } changed) return EditResult<TContent>.NotFound();
        // Another node's live slug counts too: it keeps that address until its changes are published.
        if (await SlugTakenAsync(db, record.Key, changed.Slug, cancellationToken)) return SlugConflict(changed.Slug);

        if (kind == ContentChange.Saved) LiveVersion.KeepLive(record, () => ToContent(record));
        else LiveVersion.Release(record);
        changed = changed.WithState(changed.Published, writing.Clock.GetUtcNow().UtcDateTime, record.PublishedSnapshot is not null, record.Version + 1);
        Store(db, record, changed);
        record.Version = changed.Version;
        ContentHistory.Record(db, Kind, changed, writing.Editor.Name);
        if (!await writing.SaveAsync(db, Kind, kind, [changed.Key], cancellationToken))
            return EditResult<TContent>.Conflict("version", OptimisticConcurrency.LostRaceMessage(Noun));
        return EditResult<TContent>.Done(changed, warnings);
    }

    private IQueryable<Guid> KeyOf(CourseDbContext db, string slug) => Rows(db).Where(r => r.Slug == slug).Select(r => r.Key);

    private Task<bool> SlugTakenAsync(CourseDbContext db, Guid key, string slug, CancellationToken cancellationToken) =>
        Rows(db).AnyAsync(r => r.Key != key && (r.Slug == slug || r.PublishedSlug == slug), cancellationToken);

    private EditResult<TContent> SlugConflict(string slug) =>
        EditResult<TContent>.Conflict("slug", $"A {Noun} with the slug '{slug}' already exists.");
}
