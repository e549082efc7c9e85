using Microsoft.Data.Sqlite;

namespace Course.Data.Storage;

/// <summary>Why the site will not start on its database: the message names the file, what was found and what to do.</summary>
public sealed class UnusableDatabaseException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Looks at an SQLite database file before the site trusts it. A file that exists but is empty, cannot be
/// opened, or fails <c>PRAGMA quick_check</c> stops the start: treating it as a new site would seed it from
/// uSync and silently drop every comment and user, and serving from a damaged one spreads the damage.
/// A missing file is a new site.
/// </summary>
public static class DatabaseFileCheck
{
    public static void Check(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || !File.Exists(path)) return;
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).Length == 0)
            throw Unusable(full, "it exists but is empty (0 bytes), so it holds no content, comments or users");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            var problems = new List<string>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) problems.Add(reader.GetString(0));
            if (problems is not ["ok"])
                throw Unusable(full, $"PRAGMA quick_check found damage: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $" (and {problems.Count - 5} more)" : "")}");
        }
        catch (SqliteException e)
        {
            throw Unusable(full, $"SQLite cannot read it: {e.Message}", e);
        }
    }

    private static UnusableDatabaseException Unusable(string path, string found, Exception? inner = null) => new(
        $"""
        The database {path} cannot be used: {found}.
        Nothing was changed. To go on, either
          - restore a backup over it (stop the site, copy the backup to {path}, start again), or
          - remove it (and its -wal and -shm files) to start afresh from uSync/: content comes back from the uSync files, but comments and editor accounts are lost.
        """, inner);
}
