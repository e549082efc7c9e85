using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// Editors' operations on videos, drafts included (Umbraco's content service, for one document type).
/// Each saves in one transaction and then notifies, so pages and search follow before it returns.
/// </summary>
public sealed class VideoService(IDbContextFactory<CourseDbContext> databases, INotificationPublisher notifications, TimeProvider clock)
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

    /// <summary>Parses the description into chapters and saves a draft.</summary>
    public async Task<EditResult<Video>> CreateAsync(VideoInput input, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (VideoInputRules.Check(input, errors) is not { } fields) return EditResult<Video>.Invalid(errors);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Videos.AnyAsync(v => v.Slug == fields.Slug, cancellationToken))
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
        };
        var record = new VideoRecord();
        record.CopyFrom(video);
        db.Videos.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, video.Key, ContentChange.Saved), cancellationToken);
        return EditResult<Video>.Done(video, fields.TableOfContents.Warnings.ToList());
    }

    /// <summary>Replaces the video's fields; chapters are parsed again, keeping their technique links.</summary>
    public async Task<EditResult<Video>> UpdateAsync(string slug, VideoInput input, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (VideoInputRules.Check(input with { Slug = input.Slug ?? slug }, errors) is not { } fields) return EditResult<Video>.Invalid(errors);
        return await ChangeAsync(slug, ContentChange.Saved, current =>
        {
            var chapters = ChapterMerge.Merge(fields.TableOfContents.Chapters, current.Chapters, fields.Duration);
            return current with
            {
                Title = fields.Title, Slug = fields.Slug, Source = fields.Source, Duration = fields.Duration,
                Description = fields.Description, Chapters = chapters,
            };
        }, fields.TableOfContents.Warnings.ToList(), cancellationToken);
    }

    public Task<EditResult<Video>> PublishAsync(string slug, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, ContentChange.Published, v => v with { Published = true }, [], cancellationToken);

    public Task<EditResult<Video>> UnpublishAsync(string slug, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, ContentChange.Unpublished, v => v with { Published = false }, [], cancellationToken);

    /// <summary>Sets the techniques a chapter shows, by technique slug, in the given order.</summary>
    public async Task<EditResult<Video>> LinkTechniquesAsync(string slug, int chapterIndex, IReadOnlyList<string> techniqueSlugs, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var wanted = techniqueSlugs.Select(s => s?.Trim() ?? "").ToList();
        var found = await db.Techniques.Where(t => wanted.Contains(t.Slug)).Select(t => new { t.Slug, t.Key }).ToListAsync(cancellationToken);
        var errors = new InputErrors();
        for (var i = 0; i < wanted.Count; i++)
            if (found.All(t => t.Slug != wanted[i])) errors.Add($"[{i}]", $"There is no technique '{wanted[i]}'.");
        if (errors.Any) return EditResult<Video>.Invalid(errors);
        var keys = wanted.Distinct().Select(s => found.First(t => t.Slug == s).Key).ToList();

        return await ChangeAsync(slug, ContentChange.Saved, video =>
        {
            if (chapterIndex < 0 || chapterIndex >= video.Chapters.Count) return null;
            var chapters = video.Chapters.Select(c => c.Index == chapterIndex ? c with { TechniqueKeys = keys } : c).ToList();
            return video with { Chapters = chapters };
        }, [], cancellationToken);
    }

    public async Task<bool> DeleteAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.SingleOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        if (record is null) return false;
        db.Videos.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, record.Key, ContentChange.Deleted), cancellationToken);
        return true;
    }

    /// <summary>Loads, applies <paramref name="change"/> (null: not found), stores and notifies.</summary>
    private async Task<EditResult<Video>> ChangeAsync(
        string slug, ContentChange kind, Func<Video, Video?> change, IReadOnlyList<TocProblem> warnings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.Videos.Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Slug == slug, cancellationToken);
        if (record is null) return EditResult<Video>.NotFound();
        if (change(record.ToVideo()) is not { } changed) return EditResult<Video>.NotFound();
        if (changed.Slug != record.Slug && await db.Videos.AnyAsync(v => v.Slug == changed.Slug, cancellationToken))
            return EditResult<Video>.Conflict("slug", $"A video with the slug '{changed.Slug}' already exists.");

        changed = changed with { UpdateDate = clock.GetUtcNow().UtcDateTime };
        db.Chapters.RemoveRange(record.Chapters);
        record.CopyFrom(changed);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(new ContentChangedNotification(ContentKind.Video, changed.Key, kind), cancellationToken);
        return EditResult<Video>.Done(changed, warnings);
    }
}
