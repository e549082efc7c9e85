using Course.Data.Content;
using Course.Data.USync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Course.Data.Storage;

/// <summary>Brings the database to the current schema at start and seeds an empty one from <c>uSync/</c>.</summary>
public sealed class CourseDatabase(
    IDbContextFactory<CourseDbContext> databases,
    DatabaseProvider provider,
    USyncFolder uSync,
    ContentImporter importer,
    PublishedContentCache cache,
    ILogger<CourseDatabase> logger)
{
    /// <summary>Throws <see cref="UnusableDatabaseException"/> when an existing SQLite file is empty, unreadable or damaged.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (provider.IsSqlite) DatabaseFileCheck.Check(provider.ConnectionString);
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (provider.IsSqlite)
            {
                // WAL lets readers go on while a writer commits; the setting is kept in the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
            var empty = !await db.Videos.AnyAsync(cancellationToken) && !await db.Techniques.AnyAsync(cancellationToken);
            if (empty)
            {
                var content = uSync.ReadContent();
                foreach (var problem in content.Problems)
                    logger.LogWarning("uSync import skipped {Problem}", problem);
                var imported = await importer.ImportAsync(content, cancellationToken);
                logger.LogInformation("Seeded an empty database from {Folder}: {Count} nodes", uSync.Root, imported);
            }
        }
        await cache.RebuildAsync(cancellationToken);
    }
}
