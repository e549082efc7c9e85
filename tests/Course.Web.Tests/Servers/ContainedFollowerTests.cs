using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Servers;

/// <summary>
/// What follows a save is contained: when writing the uSync file fails, the save still answers as saved, the page and
/// search still show it, readiness names the failing step with the item's key, and the next poll writes the file.
/// </summary>
public sealed class ContainedFollowerTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task A_failing_uSync_write_does_not_fail_the_save_nor_stop_search_and_is_retried()
    {
        var api = editors.Api();
        var ready = await ReadinessAsync(api);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(ready.GetProperty("newest").GetInt64(), ready.GetProperty("lastApplied").GetInt64());

        // The content folder becomes a file: every uSync write now throws.
        var content = Path.Combine(editors.Site.USyncFolder, "v17", "Content");
        var aside = content + ".aside";
        Directory.Move(content, aside);
        await File.WriteAllTextAsync(content, "not a folder");
        string key;
        try
        {
            var created = await api.PostAsJsonAsync("/api/manage/techniques", new { name = "Thumb walking", summary = "Walk the thumbs along the muscle.", body = "Slowly." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/techniques/thumb-walking")).StatusCode);
            Assert.Contains("thumb-walking", await api.GetStringAsync("/api/search?q=thumb+walking"));

            var failing = (await ReadinessAsync(api)).GetProperty("failingFollowers").EnumerateArray().Single();
            Assert.Equal("uSync files", failing.GetProperty("follower").GetString());
            Assert.Contains(key, failing.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        }
        finally
        {
            RestoreFolder(aside, content);
        }

        // The next poll (every second) hands the same change to the uSync writer again.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await ReadinessAsync(api)).GetProperty("failingFollowers").GetArrayLength() > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Empty((await ReadinessAsync(api)).GetProperty("failingFollowers").EnumerateArray());
        Assert.Contains(Directory.GetFiles(content, "*.config", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains(key));
    }

    /// <summary>
    /// Puts the folder back while the writer's poll may be retrying: once the file is gone the writer can create the
    /// folder itself, so the files set aside move into whatever folder is there, and a file the writer wrote meanwhile
    /// (newer than the one set aside) stays.
    /// </summary>
    private static void RestoreFolder(string aside, string folder)
    {
        File.Delete(folder);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(aside))
        {
            var target = Path.Combine(folder, Path.GetFileName(file));
            if (!File.Exists(target))
                File.Move(file, target);
        }
        Directory.Delete(aside, recursive: true);
    }

    private static async Task<JsonElement> ReadinessAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/healthz/ready")).RootElement;
}
