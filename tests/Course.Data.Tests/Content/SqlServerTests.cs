using Course.Data.Storage;
using Course.Tests;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Tests.Content;

public sealed class SqlServerTests
{
    [SqlServerFact]
    public async Task Migrates_seeds_and_edits_on_sql_server()
    {
        var connection = new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable))
        {
            InitialCatalog = "CourseTest_" + Guid.NewGuid().ToString("N")[..8],
        };
        var store = new ContentStore(new DatabaseProvider(DatabaseProvider.SqlServer, connection.ConnectionString));
        await store.InitializeAsync();
        try
        {
            Assert.Equal(18, store.Cache.Current.FindVideo("sciatica-myofascial-release")!.Chapters.Count);
            var created = await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, "0:00 a\n0:40 b\n1:30 c"));
            Assert.Equal(Data.Content.EditOutcome.Done, created.Outcome);
            // The instruction log (identity ids) carries the change, and the refresher has applied it.
            var (_, newest) = await store.Instructions.RangeAsync(default);
            Assert.Equal(newest, store.Refresher.LastApplied);
            Assert.Contains(store.Notifications, n => n.Key == created.Value!.Key);
        }
        finally
        {
            await using (var db = await store.Databases.CreateDbContextAsync()) await db.Database.EnsureDeletedAsync();
            await store.DisposeAsync();
        }
    }
}
