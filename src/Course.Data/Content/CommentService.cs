using Course.Core.Comments;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>How new comments start: held for moderation (the default) or shown at once.</summary>
public sealed record CommentModeration(bool AutoApprove);

/// <summary>A comment with the video it is on, as editors moderate it.</summary>
public sealed record ModeratedComment(Comment Comment, string VideoSlug, string VideoTitle);

/// <summary>One page of the comments in a state, and how many there are in all.</summary>
public sealed record ModeratedPage(IReadOnlyList<ModeratedComment> Items, int Total, PageRequest Page);

/// <summary>
/// Viewers' comments and their moderation. Each change is saved in one statement and then notified,
/// as <see cref="ContentKind.Comment"/>: <see cref="ContentChange.Published"/> when visitors can now see
/// the comment, <see cref="ContentChange.Unpublished"/> when they no longer can, <see cref="ContentChange.Deleted"/>
/// when it is deleted, <see cref="ContentChange.Saved"/> for a new comment awaiting moderation.
/// </summary>
public sealed class CommentService(
    IDbContextFactory<CourseDbContext> databases, INotificationPublisher notifications, TimeProvider clock, CommentModeration moderation)
{
    /// <summary>
    /// Stores a comment on a published video. A retry carrying the same <paramref name="idempotencyKey"/>
    /// answers with the comment the first request stored, and stores nothing more.
    /// </summary>
    public async Task<EditResult<Comment>> PostAsync(Video video, CommentInput input, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        CommentRules.CheckIdempotencyKey(idempotencyKey, errors);
        if (errors.Any) return EditResult<Comment>.Invalid(errors);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (idempotencyKey is not null && await FindByIdempotencyKeyAsync(db, idempotencyKey, cancellationToken) is { } earlier)
            return Repeat(earlier, video, input);

        var parent = input.ParentId is Guid parentKey ? await FindAsync(db, parentKey, cancellationToken) : null;
        if (CommentRules.Check(input, video, parent, errors) is not { } fields) return EditResult<Comment>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new Comment
        {
            Key = Guid.NewGuid(),
            VideoKey = video.Key,
            ParentKey = fields.ParentKey,
            At = fields.At,
            Author = fields.Author,
            Body = fields.Body,
            State = moderation.AutoApprove ? CommentState.Approved : CommentState.Pending,
            CreateDate = now,
            UpdateDate = now,
        };
        var record = new CommentRecord { IdempotencyKey = idempotencyKey };
        record.CopyFrom(comment);
        db.Comments.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key stored first (the key is unique): answer with its comment.
            db.ChangeTracker.Clear();
            if (await FindByIdempotencyKeyAsync(db, idempotencyKey, cancellationToken) is not { } winner) throw;
            return Repeat(winner, video, input);
        }
        await NotifyAsync(comment, Change(comment, parent), cancellationToken);
        return EditResult<Comment>.Done(comment);
    }

    /// <summary>The video's approved comments, oldest first; <see cref="CommentThreads.Of"/> arranges what visitors see.</summary>
    public async Task<IReadOnlyList<Comment>> ListApprovedAsync(Guid videoKey, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var records = await db.Comments.AsNoTracking()
            .Where(c => c.VideoKey == videoKey && c.State == CommentState.Approved)
            .OrderBy(c => c.CreateDate).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return records.Select(r => r.ToComment()).ToList();
    }

    /// <summary>The comments in one state across all videos, oldest first: the moderation queue for <see cref="CommentState.Pending"/>.</summary>
    public async Task<IReadOnlyList<ModeratedComment>> ListAsync(CommentState state, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await Moderated(db).Where(m => m.Comment.State == state)
            .OrderBy(m => m.Comment.CreateDate).ThenBy(m => m.Comment.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(m => new ModeratedComment(m.Comment.ToComment(), m.VideoSlug, m.VideoTitle)).ToList();
    }

    /// <summary>One page of <see cref="ListAsync"/>: what a moderator looks at, however long the queue.</summary>
    public async Task<ModeratedPage> ListAsync(CommentState state, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var inState = Moderated(db).Where(m => m.Comment.State == state);
        var total = await inState.CountAsync(cancellationToken);
        var rows = await inState.OrderBy(m => m.Comment.CreateDate).ThenBy(m => m.Comment.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        return new(rows.Select(m => new ModeratedComment(m.Comment.ToComment(), m.VideoSlug, m.VideoTitle)).ToList(), total, page);
    }

    public async Task<ModeratedComment?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await Moderated(db).SingleOrDefaultAsync(m => m.Comment.Key == key, cancellationToken);
        return row is null ? null : new ModeratedComment(row.Comment.ToComment(), row.VideoSlug, row.VideoTitle);
    }

    public Task<EditResult<ModeratedComment>> ApproveAsync(Guid key, CancellationToken cancellationToken = default) =>
        MoveAsync(key, CommentState.Approved, cancellationToken);

    public Task<EditResult<ModeratedComment>> RejectAsync(Guid key, CancellationToken cancellationToken = default) =>
        MoveAsync(key, CommentState.Rejected, cancellationToken);

    /// <summary>Marks the comment deleted: it leaves pages and search but its row stays, so a retry of its post finds it.</summary>
    public Task<EditResult<ModeratedComment>> DeleteAsync(Guid key, CancellationToken cancellationToken = default) =>
        MoveAsync(key, CommentState.Deleted, cancellationToken);

    /// <summary>Moves a comment to <paramref name="state"/>; a deleted comment is not found. Moving to the state it is in changes nothing.</summary>
    private async Task<EditResult<ModeratedComment>> MoveAsync(Guid key, CommentState state, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await Moderated(db, tracked: true)
            .SingleOrDefaultAsync(m => m.Comment.Key == key && m.Comment.State != CommentState.Deleted, cancellationToken);
        if (row is null) return EditResult<ModeratedComment>.NotFound();
        var record = row.Comment;
        var before = record.ToComment();
        if (before.State == state) return EditResult<ModeratedComment>.Done(new(before, row.VideoSlug, row.VideoTitle));

        var parent = before.ParentKey is Guid parentKey ? await FindAsync(db, parentKey, cancellationToken) : null;
        // A top-level comment's replies are shown only with it, so they appear and vanish together.
        var replies = before.IsReply ? [] : await db.Comments.AsNoTracking()
            .Where(c => c.ParentKey == key && c.State == CommentState.Approved).Select(c => c.Key)
            .ToListAsync(cancellationToken);
        var after = before with { State = state, UpdateDate = clock.GetUtcNow().UtcDateTime };
        record.CopyFrom(after);
        await db.SaveChangesAsync(cancellationToken);

        await NotifyAsync(after, Change(after, parent), cancellationToken);
        var visible = after.IsVisibleUnder(parent);
        if (visible != before.IsVisibleUnder(parent))
            foreach (var reply in replies)
                await notifications.PublishAsync(new ContentChangedNotification(
                    ContentKind.Comment, reply, visible ? ContentChange.Published : ContentChange.Unpublished), cancellationToken);
        return EditResult<ModeratedComment>.Done(new(after, row.VideoSlug, row.VideoTitle));
    }

    private static ContentChange Change(Comment comment, Comment? parent) => comment.State switch
    {
        CommentState.Deleted => ContentChange.Deleted,
        _ when comment.IsVisibleUnder(parent) => ContentChange.Published,
        CommentState.Pending => ContentChange.Saved,
        _ => ContentChange.Unpublished,
    };

    private Task NotifyAsync(Comment comment, ContentChange change, CancellationToken cancellationToken) =>
        notifications.PublishAsync(new ContentChangedNotification(ContentKind.Comment, comment.Key, change), cancellationToken);

    private static EditResult<Comment> Repeat(Comment earlier, Video video, CommentInput input) =>
        CommentRules.IsSameComment(earlier, video, input)
            ? EditResult<Comment>.Done(earlier)
            : EditResult<Comment>.Conflict(CommentRules.IdempotencyKeyField,
                "This idempotency key was already used for a different comment; send a new key with a new comment.");

    private static async Task<Comment?> FindAsync(CourseDbContext db, Guid key, CancellationToken cancellationToken) =>
        (await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, cancellationToken))?.ToComment();

    private static async Task<Comment?> FindByIdempotencyKeyAsync(CourseDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
        (await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == idempotencyKey, cancellationToken))?.ToComment();

    private static IQueryable<ModeratedRow> Moderated(CourseDbContext db, bool tracked = false) =>
        (tracked ? db.Comments : db.Comments.AsNoTracking()).Join(db.Videos, c => c.VideoKey, v => v.Key, (c, v) => new ModeratedRow { Comment = c, VideoSlug = v.Slug, VideoTitle = v.Title });

    // Initialised by members, not a constructor, so EF Core can filter and sort on it after the join.
    private sealed class ModeratedRow
    {
        public required CommentRecord Comment { get; init; }
        public required string VideoSlug { get; init; }
        public required string VideoTitle { get; init; }
    }
}
