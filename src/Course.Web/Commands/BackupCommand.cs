using Course.Data.Storage;

namespace Course.Web.Commands;

/// <summary>
/// <c>backup --to PATH</c>: a consistent copy of the SQLite database, safe while the site runs (SQLite's
/// online backup). Runs before the site starts, so it touches neither the index nor the uSync folder.
/// </summary>
internal sealed class BackupCommand(DatabaseProvider provider) : ISiteCommand
{
    public string Name => "backup";
    public string Usage => "backup --to PATH";
    public bool NeedsStartedSite => false;

    public Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        if (!provider.IsSqlite)
            return Done(output, 2, "The database is SQL Server: back it up with SQL Server's own tools (BACKUP DATABASE, or your host's automated backups). That is the database administrator's job; the site does not copy a server database.");
        if (line.Option("to") is not { Length: > 0 } target) return Done(output, 2, "Usage: " + Usage);
        try
        {
            var bytes = DatabaseBackup.ToFile(provider, Path.GetFullPath(target));
            return Done(output, 0, $"Backed up the database to {Path.GetFullPath(target)} ({bytes:N0} bytes; PRAGMA quick_check: ok).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Done(output, 1, $"Not backed up: {e.Message}");
        }
    }

    private static async Task<int> Done(TextWriter output, int code, string message)
    {
        await output.WriteLineAsync(message);
        return code;
    }
}
