using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Search.Indexing;
using Course.Web.Tests.Site;
using Lucene.Net.Index;
using Microsoft.Data.Sqlite;

namespace Course.Web.Tests.Editing;

/// <summary>Real site processes killed and started again: the database is never trusted blindly, and uSync files catch up.</summary>
public sealed class SafeStartTests : IDisposable
{
    private readonly SiteFolder site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_uSync_file_left_behind_by_a_kill_between_commit_and_file_write_is_repaired_at_the_next_start_and_an_orphan_is_left_unless_pruned()
    {
        using (var crashing = site.Start(new Dictionary<string, string> { ["COURSE_TEST_KILL_BEFORE_USYNC_WRITE"] = "1" }))
        {
            await crashing.WaitUntilServingAsync();
            using var api = crashing.Client();
            var technique = new { name = "Open fists", slug = "open-fists", summary = "Saved, then the process died.", body = "", muscles = new[] { "piriformis" }, regions = new[] { "hip" } };
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => api.PutAsJsonAsync("/api/manage/techniques/open-fists", technique));
            Assert.NotEqual(0, await crashing.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }
        var key = await ScalarAsync("SELECT Key FROM Techniques WHERE Slug = 'open-fists' AND Summary = 'Saved, then the process died.'");
        Assert.NotNull(key); // the commit survived the kill
        var file = ContentFileOf(key!);
        Assert.DoesNotContain("Saved, then the process died.", File.ReadAllText(file));
        // Two more kinds of drift: a node's file gone, and a file of a node the database does not have.
        var missing = Directory.GetFiles(site.ContentFolder).First(f => f != file);
        File.Delete(missing);
        var orphan = Path.Combine(site.ContentFolder, "orphan.config");
        File.WriteAllText(orphan, File.ReadAllText(file).Replace(key!, "0d0d0d0d-0000-4000-8000-000000000001", StringComparison.OrdinalIgnoreCase));

        var (checkCode, checkOutput) = await site.RunAsync("usync-check");
        Assert.True(checkCode == 1, checkOutput);
        Assert.Contains($"stale: {Path.Combine("v17", "Content", Path.GetFileName(file))}", checkOutput);
        Assert.Contains($"missing: {Path.Combine("v17", "Content", Path.GetFileName(missing))}", checkOutput);
        Assert.Contains("orphaned: " + Path.Combine("v17", "Content", "orphan.config"), checkOutput);

        using (var restarted = site.Start())
        {
            await restarted.WaitUntilServingAsync();
            Assert.Contains("Saved, then the process died.", File.ReadAllText(ContentFileOf(key!)));
            Assert.True(File.Exists(missing));
            Assert.Contains("rewritten from the database", restarted.Output);
            // The orphan may be an editor's file waiting for import: named, counted in readiness, and left.
            Assert.True(File.Exists(orphan));
            Assert.Contains("orphan.config", restarted.Output);
            Assert.Contains("left as it is", restarted.Output);
            using var ready = restarted.Client();
            var uSync = (await ready.GetFromJsonAsync<JsonElement>("/healthz/ready")).GetProperty("uSync");
            Assert.Equal(1, uSync.GetProperty("orphanedLeft").GetInt32());
            Assert.Equal(2, uSync.GetProperty("rewritten").GetInt32());
        }
        var (leftCode, leftOutput) = await site.RunAsync("usync-check");
        Assert.True(leftCode == 1, leftOutput);
        Assert.Contains("orphaned: " + Path.Combine("v17", "Content", "orphan.config"), leftOutput);
        Assert.DoesNotContain("stale: ", leftOutput);

        // Only asked for explicitly does it go.
        var (keptCode, keptOutput) = await site.RunAsync("export", "--changed");
        Assert.True(keptCode == 0 && File.Exists(orphan), keptOutput);
        Assert.Contains("Left orphaned: ", keptOutput);
        var (prunedCode, prunedOutput) = await site.RunAsync("export", "--changed", "--prune");
        Assert.True(prunedCode == 0 && !File.Exists(orphan), prunedOutput);
        Assert.Contains("Removed orphaned: ", prunedOutput);
        var (againCode, againOutput) = await site.RunAsync("usync-check");
        Assert.True(againCode == 0, againOutput);
    }

    [Fact]
    public async Task A_change_searchable_but_not_yet_committed_to_the_index_folder_when_the_process_is_killed_is_indexed_at_the_next_start()
    {
        // A long pause before the index commits, so the kill surely comes first, however slow the machine.
        using (var running = site.Start(new Dictionary<string, string> { ["Course__Search__CommitDelaySeconds"] = "600" }))
        {
            await running.WaitUntilServingAsync();
            using var api = running.Client();
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/manage/techniques", new { name = "Quokka glide", summary = "Glide along the iliotibial band." })).StatusCode);
            Assert.Contains("quokka-glide", await api.GetStringAsync("/api/search?q=quokka+glide"));
            running.Kill();
        }
        // Committed in the database, not in the index folder: only the start's comparison can bring it back.
        var instruction = await ScalarAsync("SELECT MAX(Id) FROM Instructions");
        using (var directory = Lucene.Net.Store.FSDirectory.Open(site.IndexFolder))
            Assert.NotEqual(instruction, DirectoryReader.ListCommits(directory)[^1].UserData.TryGetValue(CourseIndex.InstructionKey, out var committed) ? committed : null);

        using var restarted = site.Start();
        await restarted.WaitUntilServingAsync();
        using var client = restarted.Client();
        Assert.Contains("quokka-glide", await client.GetStringAsync("/api/search?q=quokka+glide"));
        var index = (await restarted.ReadinessAsync()).GetProperty("index");
        Assert.Equal(1, index.GetProperty("lastCheck").GetProperty("indexed").GetInt32());
        Assert.Equal(instruction, index.GetProperty("lastInstruction").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_database_file_that_is_empty_stops_the_start_with_what_to_do_and_is_not_reseeded()
    {
        File.WriteAllBytes(site.DatabaseFile, []);

        var (code, output) = await site.RunAsync();

        Assert.Equal(3, code);
        Assert.Contains($"The database {site.DatabaseFile} cannot be used: it exists but is empty (0 bytes)", output);
        Assert.Contains("restore a backup", output);
        Assert.Contains("remove it", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
        Assert.Equal(0, new FileInfo(site.DatabaseFile).Length);
    }

    [Fact]
    public async Task A_database_file_with_damaged_pages_stops_the_start_with_what_to_do()
    {
        var (created, createdOutput) = await site.RunAsync("usync-check");
        Assert.True(created == 0, createdOutput);
        await CheckpointAsync();
        // Damage a copy: overwrite pages in the middle (the header stays, so SQLite opens it and must look inside).
        var bytes = File.ReadAllBytes(site.DatabaseFile);
        const int pageSize = 4096;
        Assert.True(bytes.Length > 8 * pageSize, $"{bytes.Length} bytes");
        for (var i = 2 * pageSize; i < 6 * pageSize; i++) bytes[i] = (byte)(i * 31);
        File.WriteAllBytes(site.DatabaseFile, bytes);

        var (code, output) = await site.RunAsync();

        Assert.True(code == 3, output);
        Assert.Contains($"The database {site.DatabaseFile} cannot be used:", output);
        Assert.Matches("quick_check found damage|SQLite cannot read it", output);
        Assert.Contains("restore a backup", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task An_index_path_that_is_a_file_stops_the_start_naming_the_path()
    {
        site.IndexFolder = Path.Combine(site.Folder, "index-is-a-file");
        File.WriteAllText(site.IndexFolder, "not an index");

        var (code, output) = await site.RunAsync();

        Assert.True(code == 3, output);
        Assert.Contains($"The search index folder {site.IndexFolder} cannot be used: it is a file, not a folder", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal("not an index", File.ReadAllText(site.IndexFolder));
    }

    private string ContentFileOf(string key) =>
        Directory.GetFiles(site.ContentFolder, "*.config").Single(f => File.ReadAllText(f).Contains($"Key=\"{key}\"", StringComparison.OrdinalIgnoreCase));

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={site.DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString()?.ToLowerInvariant();
    }

    private async Task CheckpointAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={site.DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }
}
