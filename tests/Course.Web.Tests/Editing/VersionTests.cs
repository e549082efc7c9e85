using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

public sealed class VersionTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Every_save_keeps_a_version_and_restoring_saves_an_earlier_one_as_new()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Versioned video", "First take.\n0:00 One\n1:00 Two\n2:00 Three");
        var update = await api.PutAsJsonAsync($"/api/manage/videos/{slug}", new
        {
            title = "Versioned video, second take", slug, source = "https://vimeo.com/123456789", duration = 600,
            description = "Second take.\n0:00 Uno\n1:30 Dos\n3:00 Tres",
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/manage/videos/{slug}/publish", null)).StatusCode);

        var versions = await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions");
        var ids = versions.EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("api-key", v.GetProperty("user").GetString()));

        var restored = await api.PostAsync($"/api/manage/videos/{slug}/versions/{ids[^1]}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var video = await restored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Versioned video", video.GetProperty("title").GetString());
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", video.GetProperty("source").GetString());
        Assert.Equal(["One", "Two", "Three"], video.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("title").GetString()!));
        // Restoring is an edit: the video stays published, visitors keep the published take until it is published again.
        Assert.True(video.GetProperty("published").GetBoolean());
        Assert.True(video.GetProperty("hasUnpublishedChanges").GetBoolean());
        var visitors = editors.Site.CreateClient();
        Assert.Contains("Second take.", await visitors.GetStringAsync($"/videos/{slug}"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/manage/videos/{slug}/publish", null)).StatusCode);
        Assert.Contains("First take.", await visitors.GetStringAsync($"/videos/{slug}"));

        var after = await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions");
        Assert.Equal(5, after.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/manage/videos/{slug}/versions/999999/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/manage/videos/no-such-video/versions")).StatusCode);
    }

    [Fact]
    public async Task A_version_of_another_node_cannot_be_restored_onto_this_one()
    {
        var api = editors.Api();
        var first = await editors.CreateVideoAsync("Version owner", "0:00 One\n1:00 Two\n2:00 Three");
        var second = await editors.CreateVideoAsync("Version thief", "0:00 One\n1:00 Two\n2:00 Three");
        var firstVersion = (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{first}/versions"))[0].GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/manage/videos/{second}/versions/{firstVersion}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task Technique_versions_restore_too()
    {
        var api = editors.Api();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/manage/techniques", new { name = "Skin rolling", summary = "Before." })).StatusCode);
        await api.PutAsJsonAsync("/api/manage/techniques/skin-rolling", new { name = "Skin rolling", summary = "After." });
        var versions = await api.GetFromJsonAsync<JsonElement>("/api/manage/techniques/skin-rolling/versions");
        var oldest = versions[versions.GetArrayLength() - 1].GetProperty("id").GetInt32();

        var restored = await api.PostAsync($"/api/manage/techniques/skin-rolling/versions/{oldest}/restore", null);

        Assert.Equal("Before.", (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetString());
    }
}
