using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>Editors' operations on technique pages. New techniques are published at once unless asked otherwise.</summary>
public sealed class TechniqueService(
    IDbContextFactory<CourseDbContext> databases, INotificationPublisher notifications, TimeProvider clock, ICurrentEditor editor)
{
    public async Task<IReadOnlyList<Technique>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var records = await db.Techniques.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return records.Select(r => r.ToTechnique()).ToList();
    }

    public async Task<Technique?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return (await db.Techniques.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken))?.ToTechnique();
    }

    public async Task<Technique?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return (await db.Techniques.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken))?.ToTechnique();
    }

    public async Task<EditResult<Technique>> CreateAsync(TechniqueInput input, bool publish = true, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (TechniqueInputRules.Check(input, errors) is not { } fields) return EditResult<Technique>.Invalid(errors);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Techniques.AnyAsync(t => t.Slug == fields.Slug || t.PublishedSlug == fields.Slug, cancellationToken))
            return EditResult<Technique>.Conflict("slug", $"A technique with the slug '{fields.Slug}' already exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        var technique = Apply(new Technique { Key = Guid.NewGuid(), Name = "", Slug = "", CreateDate = now }, fields) with
        {
            Published = publish,
            UpdateDate = now,
            Version = 1,
        };
        var record = new TechniqueRecord { Version = technique.Version };
        record.CopyFrom(technique);
        db.Techniques.Add(record);
        ContentHistory.Record(db, technique, editor.Name);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Technique, technique.Key, publish ? ContentChange.Published : ContentChange.Saved), cancellationToken);
        return EditResult<Technique>.Done(technique);
    }

    /// <summary>Replaces the technique's fields. Every change takes <c>expectedVersion</c>: the version the caller saw, or null to save over any.</summary>
    public async Task<EditResult<Technique>> UpdateAsync(string slug, TechniqueInput input, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (TechniqueInputRules.Check(input with { Slug = input.Slug ?? slug }, errors) is not { } fields) return EditResult<Technique>.Invalid(errors);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, t => Apply(t, fields), cancellationToken);
    }

    public Task<EditResult<Technique>> PublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Published, t => t with { Published = true }, cancellationToken);

    public Task<EditResult<Technique>> UnpublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Unpublished, t => t with { Published = false }, cancellationToken);

    /// <summary>The technique's saved versions, newest first; null when there is no such technique.</summary>
    public async Task<IReadOnlyList<ContentVersion>?> VersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ContentHistory.ListAsync(db, KeyOf(db, slug), cancellationToken);
    }

    /// <summary>Saves the content of an earlier version as the newest one; publishing state is left as it is.</summary>
    public async Task<EditResult<Technique>> RestoreAsync(string slug, int versionId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (await ContentHistory.SnapshotAsync<Technique>(databases, db => KeyOf(db, slug), versionId, cancellationToken) is not { } snapshot)
            return EditResult<Technique>.NotFound();
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, t => snapshot with { Published = t.Published, CreateDate = t.CreateDate }, cancellationToken);
    }

    /// <summary>
    /// Deletes the technique and its history; chapters that picked it simply stop showing it, as Umbraco
    /// pickers do. The result holds what was deleted.
    /// </summary>
    public async Task<EditResult<Technique>> DeleteAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Techniques.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (record is null) return EditResult<Technique>.NotFound();
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<Technique>.Stale(record.ToTechnique(), OptimisticConcurrency.StaleMessage("technique", record.Version, expectedVersion!.Value));
        db.Techniques.Remove(record);
        await ContentHistory.ForgetAsync(db, record.Key, cancellationToken);
        if (!await OptimisticConcurrency.TrySaveAsync(db, cancellationToken))
            return EditResult<Technique>.Conflict("version", OptimisticConcurrency.LostRaceMessage("technique"));
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Technique, record.Key, ContentChange.Deleted), cancellationToken);
        return EditResult<Technique>.Done(record.ToTechnique());
    }

    private static IQueryable<Guid> KeyOf(CourseDbContext db, string slug) => db.Techniques.Where(t => t.Slug == slug).Select(t => t.Key);

    private static Technique Apply(Technique technique, TechniqueFields fields) => technique with
    {
        Name = fields.Name, Slug = fields.Slug, Summary = fields.Summary, Body = fields.Body,
        Muscles = fields.Muscles, Regions = fields.Regions,
    };

    /// <summary>
    /// Loads, checks the caller's version, applies <paramref name="change"/>, stores with the next version and a
    /// history entry, and notifies; a save that lost the race to another stores nothing.
    /// </summary>
    private async Task<EditResult<Technique>> ChangeAsync(
        string slug, int? expectedVersion, ContentChange kind, Func<Technique, Technique> change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Techniques.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (record is null) return EditResult<Technique>.NotFound();
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<Technique>.Stale(record.ToTechnique(), OptimisticConcurrency.StaleMessage("technique", record.Version, expectedVersion!.Value));
        var changed = change(record.ToTechnique()) with { UpdateDate = clock.GetUtcNow().UtcDateTime, Version = record.Version + 1 };
        // Another technique's live slug counts too: it keeps that address until its changes are published.
        if (await db.Techniques.AnyAsync(t => t.Key != record.Key && (t.Slug == changed.Slug || t.PublishedSlug == changed.Slug), cancellationToken))
            return EditResult<Technique>.Conflict("slug", $"A technique with the slug '{changed.Slug}' already exists.");
        if (kind == ContentChange.Saved) LiveVersion.KeepLive(record);
        else LiveVersion.Release(record);
        record.CopyFrom(changed);
        record.Version = changed.Version;
        changed = changed with { HasUnpublishedChanges = record.PublishedSnapshot is not null };
        ContentHistory.Record(db, changed, editor.Name);
        if (!await OptimisticConcurrency.TrySaveAsync(db, cancellationToken))
            return EditResult<Technique>.Conflict("version", OptimisticConcurrency.LostRaceMessage("technique"));
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Technique, changed.Key, kind), cancellationToken);
        return EditResult<Technique>.Done(changed);
    }
}
