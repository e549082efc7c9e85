using Microsoft.Data.Sqlite;

namespace Course.Data.Storage;

/// <summary>
/// A consistent copy of the SQLite database, taken while the site runs: SQLite's online backup API copies
/// every page as of one moment, writers going on meanwhile, and the copy is checked before it is called done.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the database to <paramref name="target"/> (a file that must not exist yet) and returns its size in bytes.</summary>
    public static long ToFile(DatabaseProvider provider, string target)
    {
        if (!provider.IsSqlite) throw new InvalidOperationException("Only an SQLite database is backed up by the site.");
        if (File.Exists(target)) throw new IOException($"{target} exists already: back up to a new file, so no backup is overwritten by mistake.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temporary = target + ".partial";
        File.Delete(temporary);
        using (var source = new SqliteConnection(provider.ConnectionString))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
            using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            if (check.ExecuteScalar() is not "ok") throw new IOException($"The copy at {temporary} fails PRAGMA quick_check; it was kept for inspection.");
        }
        // Renamed only once complete and checked: a file at the target is always a whole backup.
        File.Move(temporary, target);
        return new FileInfo(target).Length;
    }
}
