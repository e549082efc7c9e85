using System.Net;
using System.Net.Http.Json;
using Course.Web.Tests.Site;
using Microsoft.Data.Sqlite;

namespace Course.Web.Tests.Editing;

/// <summary><c>backup</c> while editors write, and uSync commands on content the XML writer could not hold.</summary>
public sealed class BackupAndExportTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task A_backup_taken_while_editors_write_opens_passes_quick_check_and_holds_the_rows()
    {
        var backup = Path.Combine(editors.Site.Folder, "backups", "course-backup.db");
        using var api = editors.Api();
        var before = await CountAsync(editors.Site.DatabaseFile, "SELECT COUNT(*) FROM Techniques");
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref writes);
                var created = await api.PostAsJsonAsync("/api/manage/techniques", new { name = $"Backed up {n}", summary = "Written during a backup.", muscles = new[] { "piriformis" }, regions = new[] { "hip" } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
        });
        while (Volatile.Read(ref writes) < 3) await Task.Delay(20);

        var output = new StringWriter();
        var code = await editors.Site.RunCommandAsync(output, "backup", "--to", backup);
        await Task.Delay(200);
        stop.Cancel();
        await writing;

        Assert.True(code == 0, output.ToString());
        Assert.Contains("PRAGMA quick_check: ok", output.ToString());
        Assert.Equal("ok", await ScalarAsync(backup, "PRAGMA quick_check"));
        var copied = await CountAsync(backup, "SELECT COUNT(*) FROM Techniques");
        Assert.InRange(copied, before + 2, before + Volatile.Read(ref writes));
        Assert.Equal(copied - before, await CountAsync(backup, "SELECT COUNT(*) FROM Techniques WHERE Name LIKE 'Backed up %'"));
        Assert.Equal(1, await editors.Site.RunCommandAsync("backup", "--to", backup)); // never over an existing backup
    }

    [Fact]
    public async Task Stored_text_with_control_characters_exports_and_a_changed_file_is_named_and_rewritten()
    {
        using var api = editors.Api();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/manage/techniques", new { name = "Stored controls", summary = "Clean." })).StatusCode);
        // Text stored before input rules refused it: written straight into the row.
        await ScalarAsync(editors.Site.DatabaseFile, "UPDATE Techniques SET Body = 'NUL ' || char(0) || ' and ' || char(1) || char(31) || ' end', Name = 'Stored' || char(7) || ' controls' WHERE Slug = 'stored-controls'");

        var changed = new StringWriter();
        Assert.Equal(1, await editors.Site.RunCommandAsync(changed, "usync-check"));
        Assert.Contains("stale: ", changed.ToString());
        var rewritten = new StringWriter();
        Assert.Equal(0, await editors.Site.RunCommandAsync(rewritten, "export", "--changed"));
        Assert.Contains("Rewrote stale: ", rewritten.ToString());
        Assert.Contains("1 files differed from the database", rewritten.ToString());
        Assert.Equal(0, await editors.Site.RunCommandAsync("usync-check"));
        var exported = Path.Combine(editors.Site.Folder, "exported");
        Assert.Equal(0, await editors.Site.RunCommandAsync("export", "--folder", exported));
        var file = Directory.GetFiles(Path.Combine(exported, "v17", "Content"), "stored-controls*.config").Single();
        Assert.Contains("<![CDATA[NUL \\u0000 and \\u0001\\u001f end]]>", File.ReadAllText(file));
    }

    private static async Task<long> CountAsync(string database, string sql) => Convert.ToInt64(await ScalarAsync(database, sql));

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
