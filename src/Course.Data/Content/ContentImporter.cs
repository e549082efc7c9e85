using Course.Data.Storage;
using Course.Data.USync;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>Writes uSync content into the database, matching nodes by key; all of it or none.</summary>
public sealed class ContentImporter(IDbContextFactory<CourseDbContext> databases)
{
    public async Task<int> ImportAsync(USyncContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        foreach (var technique in content.Techniques)
        {
            var record = await db.Techniques.SingleOrDefaultAsync(t => t.Key == technique.Key, cancellationToken);
            if (record is null) db.Techniques.Add(record = new TechniqueRecord());
            record.CopyFrom(technique);
            // An import is a change like an editor's: an editor still holding the old version is told.
            record.Version++;
            // The file says what is live: an imported node has no unpublished changes of its own.
            LiveVersion.Release(record);
        }
        foreach (var video in content.Videos)
        {
            var record = await db.Videos.Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Key == video.Key, cancellationToken);
            if (record is not null)
            {
                record.CopyFrom(video);
                record.Version++;
                LiveVersion.Release(record);
                continue;
            }
            // Keyed before it is tracked: comments refer to videos by Key, so EF tracks it as a key and two new videos may not share the empty one.
            record = new VideoRecord { Version = 1 };
            record.CopyFrom(video);
            db.Videos.Add(record);
        }
        await db.SaveChangesAsync(cancellationToken);
        return content.Techniques.Count + content.Videos.Count;
    }
}
