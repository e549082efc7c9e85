using Course.Core.Comments;
using Course.Core.Content;
using Course.Umbraco.Comments;
using Microsoft.EntityFrameworkCore;

namespace Course.Umbraco.Tests;

/// <summary>The package's comment tables on a real SQLite file, created by its migrations as at start.</summary>
public sealed class CommentStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("course-umbraco-db-").FullName;
    private readonly CommentDatabase database;
    private readonly CommentStore store;
    private readonly Video video = new() { Key = Guid.NewGuid(), Title = "Sciatica", Slug = "sciatica", Source = "/media/s.webm", Duration = 1260 };

    public CommentStoreTests()
    {
        // Umbraco's own form of a SQLite connection string.
        database = new CommentDatabase("Data Source=|DataDirectory|/Umbraco.sqlite.db;Cache=Shared;Foreign Keys=True;Pooling=False",
            CommentDatabase.SqliteProvider, folder);
        store = new CommentStore(database, TimeProvider.System);
    }

    [Fact]
    public async Task Migrations_create_the_tables_and_comments_move_through_moderation()
    {
        await database.MigrateAsync(default);
        await database.MigrateAsync(default);   // at every start: nothing more to do
        Assert.True(File.Exists(Path.Combine(folder, "Umbraco.sqlite.db")));

        var pending = await store.AddAsync(video, new CommentFields("Ann", "At 14:40 the fists", 880, null), approve: false, default);
        Assert.Empty(await store.ListApprovedAsync(video.Key, default));
        Assert.Equal(1, (await store.ListAsync(CommentState.Pending, 1, 20, default)).Total);

        Assert.True(await store.SetStateAsync(pending.Key, CommentState.Approved, default));
        var shown = Assert.Single(await store.ListApprovedAsync(video.Key, default));
        Assert.Equal((880, "Ann"), (shown.At, shown.Author));

        Assert.True(await store.SetStateAsync(pending.Key, CommentState.Deleted, default));
        Assert.False(await store.SetStateAsync(pending.Key, CommentState.Approved, default));   // deleted stays deleted
        Assert.Empty(await store.ListApprovedAsync(video.Key, default));
    }

    [Fact]
    public void Each_providers_migrations_match_the_model()
    {
        using var sqlite = database.Open();
        using var sqlServer = new CommentDatabase("Server=unused;Database=unused", CommentDatabase.SqlServerProvider, folder).Open();
        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(sqlServer.Database.HasPendingModelChanges());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
