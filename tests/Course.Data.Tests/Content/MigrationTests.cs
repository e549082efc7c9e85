using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Course.Data.Tests.Content;

/// <summary>
/// Both providers' migrations match the model and script cleanly. SQL Server cannot run on this
/// machine; scripting its migrations needs no server and still catches a model they miss.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteCourseDbContext.");
    }

    [Fact]
    public void Sql_server_migrations_cover_the_model_and_script()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqlServerCourseDbContext.");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Videos]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Videos_Slug]", script);
    }
}
