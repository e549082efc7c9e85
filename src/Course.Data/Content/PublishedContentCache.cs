using Course.Core.Content;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>
/// Holds the current <see cref="PublishedContent"/>. Requests read it without touching the database;
/// the refresher rebuilds it from the database once per batch of changes and swaps it in whole.
/// </summary>
public sealed class PublishedContentCache(IDbContextFactory<CourseDbContext> databases)
{
    private long rebuilds;
    private readonly SemaphoreSlim rebuilding = new(1, 1);
    private volatile PublishedContent current = PublishedContent.Empty;

    public PublishedContent Current => current;

    /// <summary>How many times it was rebuilt since start: one per batch of changes, not one per change.</summary>
    public long Rebuilds => Interlocked.Read(ref rebuilds);

    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        // One rebuild at a time: each reads the whole store, so the last one to finish is the newest.
        await rebuilding.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var videos = await db.Videos.AsNoTracking().AsSplitQuery()
                .Where(v => v.Published).Include(v => v.Chapters).ToListAsync(cancellationToken);
            var techniques = await db.Techniques.AsNoTracking()
                .Where(t => t.Published).ToListAsync(cancellationToken);
            current = new PublishedContent(videos.Select(LiveVersion.Live), techniques.Select(LiveVersion.Live));
            Interlocked.Increment(ref rebuilds);
        }
        finally
        {
            rebuilding.Release();
        }
    }
}
