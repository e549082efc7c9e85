using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Course.Umbraco.Comments;

/// <summary>
/// Opens the package's tables on the Umbraco site's own database: the connection string <c>umbracoDbDSN</c> with
/// its provider <c>umbracoDbDSN_ProviderName</c> (<c>Microsoft.Data.Sqlite</c> or <c>Microsoft.Data.SqlClient</c>).
/// </summary>
public sealed class CommentDatabase
{
    public const string SqliteProvider = "Microsoft.Data.Sqlite";
    public const string SqlServerProvider = "Microsoft.Data.SqlClient";

    private readonly Func<CommentsDbContext> create;

    public CommentDatabase(string connectionString, string? providerName, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:umbracoDbDSN is empty: Course comments are stored in the Umbraco site's database.");
        // Umbraco's SQLite connection strings point into umbraco/Data through |DataDirectory|.
        connectionString = connectionString.Replace("|DataDirectory|", dataDirectory, StringComparison.OrdinalIgnoreCase);
        Provider = string.IsNullOrWhiteSpace(providerName) ? SqlServerProvider : providerName;
        create = Provider switch
        {
            SqliteProvider => () => new SqliteCommentsDbContext(new DbContextOptionsBuilder<SqliteCommentsDbContext>()
                .UseSqlite(connectionString, sql => sql.MigrationsHistoryTable(CommentsDbContext.MigrationsHistoryTable)).Options),
            SqlServerProvider => () => new SqlServerCommentsDbContext(new DbContextOptionsBuilder<SqlServerCommentsDbContext>()
                .UseSqlServer(connectionString, sql => sql.MigrationsHistoryTable(CommentsDbContext.MigrationsHistoryTable)).Options),
            _ => throw new InvalidOperationException(
                $"ConnectionStrings:umbracoDbDSN_ProviderName '{providerName}' is not supported by Course comments: use {SqliteProvider} or {SqlServerProvider}."),
        };
    }

    public string Provider { get; }

    public CommentsDbContext Open() => create();

    /// <summary>Creates or updates the package's tables; Umbraco's own tables are not touched.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteCommentsDbContext</c>.</summary>
public sealed class SqliteCommentsDesignFactory : IDesignTimeDbContextFactory<SqliteCommentsDbContext>
{
    public SqliteCommentsDbContext CreateDbContext(string[] args) =>
        (SqliteCommentsDbContext)new CommentDatabase("Data Source=design.db", CommentDatabase.SqliteProvider, ".").Open();
}

/// <summary>For <c>dotnet ef migrations add … --context SqlServerCommentsDbContext</c>.</summary>
public sealed class SqlServerCommentsDesignFactory : IDesignTimeDbContextFactory<SqlServerCommentsDbContext>
{
    public SqlServerCommentsDbContext CreateDbContext(string[] args) =>
        (SqlServerCommentsDbContext)new CommentDatabase("Server=design;Database=design", CommentDatabase.SqlServerProvider, ".").Open();
}
