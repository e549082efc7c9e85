using Course.Core.Comments;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// A stamp of what the search index is built from: how many videos and techniques are published and
/// comments approved, and when each was last changed. Any save, publish, unpublish, delete or moderation
/// that the index follows changes it; a pending comment does not.
/// </summary>
public sealed class IndexedContentStamp(IDbContextFactory<CourseDbContext> databases)
{
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var videos = await Summary(db.Videos.Where(v => v.Published).Select(v => v.UpdateDate), cancellationToken);
        var techniques = await Summary(db.Techniques.Where(t => t.Published).Select(t => t.UpdateDate), cancellationToken);
        var comments = await Summary(db.Comments.Where(c => c.State == CommentState.Approved).Select(c => c.UpdateDate), cancellationToken);
        return $"v{videos};t{techniques};c{comments}";
    }

    // Count and last change in one round trip (an empty set gives no group: 0@0).
    private static async Task<string> Summary(IQueryable<DateTime> updates, CancellationToken cancellationToken)
    {
        var summary = await updates.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max() })
            .SingleOrDefaultAsync(cancellationToken);
        return summary is null ? "0@0" : $"{summary.Count}@{summary.Last.Ticks}";
    }
}
