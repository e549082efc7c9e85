using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Course.Data.Storage;

/// <summary>
/// Which database the site uses, chosen the Umbraco way: <c>ConnectionStrings:CourseDb</c> with
/// <c>ConnectionStrings:CourseDb_ProviderName</c>; an SQLite file under <c>App_Data/</c> when absent.
/// </summary>
public sealed record DatabaseProvider(string Name, string ConnectionString)
{
    public const string Sqlite = "Microsoft.Data.Sqlite";
    public const string SqlServer = "Microsoft.Data.SqlClient";

    public bool IsSqlite => Name == Sqlite;

    public static DatabaseProvider FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("CourseDb");
        var name = configuration.GetConnectionString("CourseDb_ProviderName");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataFolder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(dataFolder);
            return new(Sqlite, ForSqliteFile(Path.Combine(dataFolder, "course.db")));
        }
        return name switch
        {
            null or "" or Sqlite => new(Sqlite, connectionString),
            SqlServer => new(SqlServer, connectionString),
            _ => throw new InvalidOperationException(
                $"ConnectionStrings:CourseDb_ProviderName '{name}' is not supported; use '{Sqlite}' or '{SqlServer}'."),
        };
    }

    public static string ForSqliteFile(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();

    public void Configure(DbContextOptionsBuilder options)
    {
        if (IsSqlite)
            options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(typeof(CourseDbContext).Assembly.FullName));
        else
            options.UseSqlServer(ConnectionString, sql => sql.EnableRetryOnFailure());
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCourseDbContext</c> build the model without the site.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCourseDbContext>
{
    public SqliteCourseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCourseDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqlServerCourseDbContext</c> build the model without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCourseDbContext>
{
    public SqlServerCourseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCourseDbContext>().UseSqlServer("Server=.;Database=Course;Integrated Security=true;TrustServerCertificate=true").Options);
}
