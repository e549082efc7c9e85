using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// Editors' operations on videos, drafts included (Umbraco's content service, for one document type).
/// Each saves in one transaction, keeping a version, and then notifies, so pages and search follow
/// before it returns.
/// </summary>
public sealed class VideoService(
    IDbContextFactory<CourseDbContext> databases, INotificationPublisher notifications, TimeProvider clock, ICurrentEditor editor)
{
    public async Task<IReadOnlyList<Video>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var records = await db.Videos.AsNoTracking().AsSplitQuery().Include(v => v.Chapters)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Title).ToListAsync(cancellationToken);
        return records.Select(r => r.ToVideo()).ToList();
    }

    public async Task<Video?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.AsNoTracking().Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        return record?.ToVideo();
    }

    public async Task<Video?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.AsNoTracking().Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Key == key, cancellationToken);
        return record?.ToVideo();
    }

    /// <summary>Parses the description into chapters and saves a draft.</summary>
    public async Task<EditResult<Video>> CreateAsync(VideoInput input, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (VideoInputRules.Check(input, errors) is not { } fields) return EditResult<Video>.Invalid(errors);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Videos.AnyAsync(v => v.Slug == fields.Slug || v.PublishedSlug == fields.Slug, cancellationToken))
            return EditResult<Video>.Conflict("slug", $"A video with the slug '{fields.Slug}' already exists.");

        var now = clock.GetUtcNow().UtcDateTime;
        var video = new Video
        {
            Key = Guid.NewGuid(),
            Title = fields.Title,
            Slug = fields.Slug,
            Source = fields.Source,
            Duration = fields.Duration,
            Description = fields.Description,
            Chapters = ChapterMerge.Merge(fields.TableOfContents.Chapters, [], fields.Duration),
            Published = false,
            CreateDate = now,
            UpdateDate = now,
            SortOrder = await db.Videos.CountAsync(cancellationToken),
            Version = 1,
        };
        var record = new VideoRecord { Version = video.Version };
        record.CopyFrom(video);
        db.Videos.Add(record);
        ContentHistory.Record(db, video, editor.Name);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, video.Key, ContentChange.Saved), cancellationToken);
        return EditResult<Video>.Done(video, fields.TableOfContents.Warnings.ToList());
    }

    /// <summary>
    /// Replaces the video's fields; chapters are parsed again, keeping their technique links. On a
    /// published video the change waits, like every save, until the video is published again.
    /// Every change takes <c>expectedVersion</c>: the version the caller saw, or null to save over any.
    /// </summary>
    public async Task<EditResult<Video>> UpdateAsync(string slug, VideoInput input, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (VideoInputRules.Check(input with { Slug = input.Slug ?? slug }, errors) is not { } fields) return EditResult<Video>.Invalid(errors);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, current =>
        {
            var chapters = ChapterMerge.Merge(fields.TableOfContents.Chapters, current.Chapters, fields.Duration);
            return current with
            {
                Title = fields.Title, Slug = fields.Slug, Source = fields.Source, Duration = fields.Duration,
                Description = fields.Description, Chapters = chapters,
            };
        }, fields.TableOfContents.Warnings.ToList(), cancellationToken);
    }

    public Task<EditResult<Video>> PublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Published, v => v with { Published = true }, [], cancellationToken);

    public Task<EditResult<Video>> UnpublishAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Unpublished, v => v with { Published = false }, [], cancellationToken);

    /// <summary>Sets the techniques a chapter shows, by technique slug, in the given order.</summary>
    public async Task<EditResult<Video>> LinkTechniquesAsync(string slug, int chapterIndex, IReadOnlyList<string> techniqueSlugs, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        var keys = await TechniqueKeysAsync(techniqueSlugs, i => $"[{i}]", errors, cancellationToken);
        if (errors.Any) return EditResult<Video>.Invalid(errors);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, video =>
        {
            if (chapterIndex < 0 || chapterIndex >= video.Chapters.Count) return null;
            return WithChapters(video, c => c.Index == chapterIndex ? c with { TechniqueKeys = keys } : c);
        }, [], cancellationToken);
    }

    /// <summary>Sets the techniques and notes of several chapters at once, as the backoffice's chapter form does; one version.</summary>
    public async Task<EditResult<Video>> EditChaptersAsync(string slug, IReadOnlyList<ChapterEdit> edits, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(slug, cancellationToken) is not { } current) return EditResult<Video>.NotFound();
        var errors = new InputErrors();
        ChapterEditRules.Check(edits, current.Chapters.Count, errors);
        var keysByChapter = new Dictionary<int, IReadOnlyList<Guid>>();
        for (var i = 0; i < edits.Count; i++)
        {
            var position = i;
            if (edits[i].Techniques is { } picked)
                keysByChapter[edits[i].Index] = await TechniqueKeysAsync(picked, _ => $"chapters[{position}].techniques", errors, cancellationToken);
        }
        if (errors.Any) return EditResult<Video>.Invalid(errors);

        var byIndex = edits.ToDictionary(e => e.Index);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, video => WithChapters(video, c => byIndex.TryGetValue(c.Index, out var edit)
            ? c with
            {
                TechniqueKeys = keysByChapter.GetValueOrDefault(c.Index) ?? c.TechniqueKeys,
                Notes = edit.Notes?.Trim() ?? c.Notes,
            }
            : c), [], cancellationToken);
    }

    /// <summary>
    /// Sets the video's captions in one language from a WebVTT or SubRip file, in place of the track it had in
    /// that language (whose label stays unless a new one is given). A file with any problem changes nothing.
    /// </summary>
    public async Task<EditResult<Video>> SetCaptionsAsync(string slug, CaptionUpload upload, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(slug, cancellationToken) is not { } current) return EditResult<Video>.NotFound();
        var errors = new InputErrors();
        var existing = current.CaptionsIn(LanguageTag.Normalize(upload.Language) ?? "");
        var track = CaptionRules.CheckTrack(upload.Language, string.IsNullOrWhiteSpace(upload.Label) ? existing?.Label : upload.Label, errors);
        var check = CaptionRules.Check(upload.File.Span, upload.Format, current.Duration);
        foreach (var problem in check.Problems) errors.Add("captions", problem.ToString());
        if (track is not var (language, label) || errors.Any) return EditResult<Video>.Invalid(errors);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, video => video.WithCaptions(new CaptionTrack
        {
            Key = video.CaptionsIn(language)?.Key ?? Guid.NewGuid(), Language = language, Label = label, Cues = check.Cues,
        }), [], cancellationToken);
    }

    /// <summary>Removes the video's captions in <paramref name="language"/>; not found when it has none.</summary>
    public Task<EditResult<Video>> RemoveCaptionsAsync(string slug, string language, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, expectedVersion, ContentChange.Saved, video => video.CaptionsIn(language) is null ? null : video.WithoutCaptions(language), [], cancellationToken);

    /// <summary>The video's saved versions, newest first; null when there is no such video.</summary>
    public async Task<IReadOnlyList<ContentVersion>?> VersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ContentHistory.ListAsync(db, KeyOf(db, slug), cancellationToken);
    }

    /// <summary>
    /// Saves the content of an earlier version as the newest one. Publishing state is left as it is:
    /// restoring is an edit, and publishing stays a decision of its own.
    /// </summary>
    public async Task<EditResult<Video>> RestoreAsync(string slug, int versionId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (await ContentHistory.SnapshotAsync<Video>(databases, db => KeyOf(db, slug), versionId, cancellationToken) is not { } snapshot)
            return EditResult<Video>.NotFound();
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, current => current with
        {
            Title = snapshot.Title, Slug = snapshot.Slug, Source = snapshot.Source, Duration = snapshot.Duration,
            Description = snapshot.Description, Chapters = ChapterSpans.WithEnds(snapshot.Chapters, snapshot.Duration),
            Captions = snapshot.Captions,
        }, [], cancellationToken);
    }

    /// <summary>Deletes the video and its history, as Umbraco deletes a node's versions with it; the result holds what was deleted.</summary>
    public async Task<EditResult<Video>> DeleteAsync(string slug, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        if (record is null) return EditResult<Video>.NotFound();
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<Video>.Stale(record.ToVideo(), OptimisticConcurrency.StaleMessage("video", record.Version, expectedVersion!.Value));
        db.Videos.Remove(record);
        await ContentHistory.ForgetAsync(db, record.Key, cancellationToken);
        if (!await OptimisticConcurrency.TrySaveAsync(db, cancellationToken))
            return EditResult<Video>.Conflict("version", OptimisticConcurrency.LostRaceMessage("video"));
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, record.Key, ContentChange.Deleted), cancellationToken);
        return EditResult<Video>.Done(record.ToVideo());
    }

    private static IQueryable<Guid> KeyOf(CourseDbContext db, string slug) => db.Videos.Where(v => v.Slug == slug).Select(v => v.Key);

    private static Video WithChapters(Video video, Func<Chapter, Chapter> change) =>
        video with { Chapters = video.Chapters.Select(change).ToList() };

    /// <summary>The keys of the named techniques, each once, in the given order; a missing one is an error at <paramref name="field"/>.</summary>
    private async Task<IReadOnlyList<Guid>> TechniqueKeysAsync(
        IReadOnlyList<string> slugs, Func<int, string> field, InputErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var wanted = slugs.Select(s => s?.Trim() ?? "").ToList();
        var found = await db.Techniques.Where(t => wanted.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Key, cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
            if (!found.ContainsKey(wanted[i])) errors.Add(field(i), $"There is no technique '{wanted[i]}'.");
        return wanted.Where(found.ContainsKey).Distinct().Select(s => found[s]).ToList();
    }

    /// <summary>
    /// Loads, checks the caller's version, applies <paramref name="change"/> (null: not found), stores with the
    /// next version and a history entry, and notifies; a save that lost the race to another stores nothing.
    /// </summary>
    private async Task<EditResult<Video>> ChangeAsync(
        string slug, int? expectedVersion, ContentChange kind, Func<Video, Video?> change, IReadOnlyList<TocProblem> warnings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        if (record is null) return EditResult<Video>.NotFound();
        if (OptimisticConcurrency.IsStale(record.Version, expectedVersion))
            return EditResult<Video>.Stale(record.ToVideo(), OptimisticConcurrency.StaleMessage("video", record.Version, expectedVersion!.Value));
        if (change(record.ToVideo()) is not { } changed) return EditResult<Video>.NotFound();
        // Another video's live slug counts too: it keeps that address until its changes are published.
        if (await db.Videos.AnyAsync(v => v.Key != record.Key && (v.Slug == changed.Slug || v.PublishedSlug == changed.Slug), cancellationToken))
            return EditResult<Video>.Conflict("slug", $"A video with the slug '{changed.Slug}' already exists.");

        changed = changed with { UpdateDate = clock.GetUtcNow().UtcDateTime, Version = record.Version + 1 };
        if (kind == ContentChange.Saved) LiveVersion.KeepLive(record);
        else LiveVersion.Release(record);
        db.Chapters.RemoveRange(record.Chapters);
        record.CopyFrom(changed);
        record.Version = changed.Version;
        changed = changed with { HasUnpublishedChanges = record.PublishedSnapshot is not null };
        ContentHistory.Record(db, changed, editor.Name);
        if (!await OptimisticConcurrency.TrySaveAsync(db, cancellationToken))
            return EditResult<Video>.Conflict("version", OptimisticConcurrency.LostRaceMessage("video"));
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, changed.Key, kind), cancellationToken);
        return EditResult<Video>.Done(changed, warnings);
    }
}
