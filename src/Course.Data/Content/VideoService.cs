using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// Videos through the generic <see cref="ContentService{TContent, TRecord}"/>; on top, what only a video has: its
/// description parsed into chapters, the chapters' techniques and notes, and its caption tracks (part of the video like
/// its chapters: drafts, versions, publishing and restore go through the same path).
/// </summary>
public sealed class VideoService(ContentWriting writing) : ContentService<Video, VideoRecord>(writing)
{
    protected override ContentKind Kind => ContentKind.Video;
    protected override string Noun => "video";
    protected override DbSet<VideoRecord> Rows(CourseDbContext db) => db.Videos;
    protected override IQueryable<VideoRecord> Loaded(IQueryable<VideoRecord> rows) => rows.AsSplitQuery().Include(v => v.Chapters);
    protected override IQueryable<VideoRecord> Ordered(IQueryable<VideoRecord> rows) => rows.OrderBy(v => v.SortOrder).ThenBy(v => v.Title);
    protected override Video ToContent(VideoRecord record) => record.ToVideo();

    protected override void Store(CourseDbContext db, VideoRecord record, Video content)
    {
        // Chapters are rows of their own: the old ones go, the video's current ones are added.
        db.Chapters.RemoveRange(record.Chapters);
        record.CopyFrom(content);
    }

    protected override Video Restored(Video current, Video snapshot) => current with
    {
        Title = snapshot.Title, Slug = snapshot.Slug, Source = snapshot.Source, Duration = snapshot.Duration,
        Description = snapshot.Description, Chapters = ChapterSpans.WithEnds(snapshot.Chapters, snapshot.Duration),
        Captions = snapshot.Captions,
    };

    /// <summary>Parses the description into chapters and saves a draft.</summary>
    public async Task<EditResult<Video>> CreateAsync(VideoInput input, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (VideoInputRules.Check(input, errors) is not { } fields) return EditResult<Video>.Invalid(errors);
        int sortOrder;
        await using (var db = await Writing.Databases.CreateDbContextAsync(cancellationToken))
            sortOrder = await db.Videos.CountAsync(cancellationToken);
        var now = Writing.Clock.GetUtcNow().UtcDateTime;
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
            SortOrder = sortOrder,
        };
        return await CreateAsync(video, fields.TableOfContents.Warnings.ToList(), cancellationToken);
    }

    /// <summary>
    /// Replaces the video's fields; chapters are parsed again, keeping their technique links. On a
    /// published video the change waits, like every save, until the video is published again. Every change takes
    /// <c>expectedVersion</c>: the version the caller saw, or null to save over any.
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

    private static Video WithChapters(Video video, Func<Chapter, Chapter> change) =>
        video with { Chapters = video.Chapters.Select(change).ToList() };

    /// <summary>The keys of the named techniques, each once, in the given order; a missing one is an error at <paramref name="field"/>.</summary>
    private async Task<IReadOnlyList<Guid>> TechniqueKeysAsync(
        IReadOnlyList<string> slugs, Func<int, string> field, InputErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await Writing.Databases.CreateDbContextAsync(cancellationToken);
        var wanted = slugs.Select(s => s?.Trim() ?? "").ToList();
        var found = await db.Techniques.Where(t => wanted.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Key, cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
            if (!found.ContainsKey(wanted[i])) errors.Add(field(i), $"There is no technique '{wanted[i]}'.");
        return wanted.Where(found.ContainsKey).Distinct().Select(s => found[s]).ToList();
    }
}
