using Course.Core.Comments;
using Course.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace Course.Umbraco.Comments;

/// <summary>Comments on the Umbraco site's videos: stored, listed for visitors, moderated by editors.</summary>
public sealed class CommentStore(CommentDatabase database, TimeProvider clock)
{
    public async Task<Comment?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return (await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, cancellationToken))?.ToComment();
    }

    /// <summary>Approved comments of the video (replies included): what <see cref="CommentThreads.Of"/> arranges.</summary>
    public async Task<IReadOnlyList<Comment>> ListApprovedAsync(Guid videoKey, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var records = await db.Comments.AsNoTracking()
            .Where(c => c.VideoKey == videoKey && c.State == CommentState.Approved)
            .ToListAsync(cancellationToken);
        return records.Select(r => r.ToComment()).ToList();
    }

    public async Task<Comment> AddAsync(Video video, CommentFields fields, bool approve, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new CommentRecord
        {
            Key = Guid.NewGuid(), VideoKey = video.Key, At = fields.At, ParentKey = fields.ParentKey, Author = fields.Author, Body = fields.Body,
            State = approve ? CommentState.Approved : CommentState.Pending, CreateDate = now, UpdateDate = now,
        };
        await using var db = database.Open();
        db.Comments.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.ToComment();
    }

    /// <summary>One page of comments in a state, oldest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<Comment> Items, int Total)> ListAsync(CommentState state, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = db.Comments.AsNoTracking().Where(c => c.State == state);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.CreateDate).ThenBy(c => c.Key)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items.Select(r => r.ToComment()).ToList(), total);
    }

    /// <summary>Moves the comment to <paramref name="state"/>; false when there is no such comment (or it is deleted).</summary>
    public async Task<bool> SetStateAsync(Guid key, CommentState state, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var changed = await db.Comments
            .Where(c => c.Key == key && c.State != CommentState.Deleted)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.State, state).SetProperty(c => c.UpdateDate, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return changed == 1;
    }
}
