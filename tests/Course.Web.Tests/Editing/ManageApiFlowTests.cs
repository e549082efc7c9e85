using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>An editor's whole job through the JSON API: from a description with a broken line to a published video.</summary>
public sealed class ManageApiFlowTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string Broken = """
        Deep work on the hip rotators, for a client with sciatica.

        0:00 Welcome
        7:7 Finding the piriformis
        2:30 Pin and stretch
        6:10 Recap
        """;

    [Fact]
    public async Task A_video_goes_from_a_line_error_to_the_published_site()
    {
        var api = editors.Api();
        var input = new { title = "Hip rotators in side-lying", source = "https://vimeo.com/123456789", duration = 480, description = Broken };

        var refused = await api.PostAsJsonAsync("/api/manage/videos", input);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["line 4: '7:7' is not a timestamp"], Strings(problem.GetProperty("errors").GetProperty("description")));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/manage/videos/hip-rotators-in-side-lying")).StatusCode);

        var created = await api.PostAsJsonAsync("/api/manage/videos", input with { description = Broken.Replace("7:7", "1:10") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/manage/videos/hip-rotators-in-side-lying", created.Headers.Location?.OriginalString);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(draft.GetProperty("published").GetBoolean());
        Assert.Equal(["Welcome", "Finding the piriformis", "Pin and stretch", "Recap"],
            draft.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("title").GetString()!));
        Assert.Equal([0, 70, 150, 370], draft.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("start").GetInt32()));
        // A draft is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Site.CreateClient().GetAsync("/api/videos/hip-rotators-in-side-lying")).StatusCode);

        var linked = await api.PutAsJsonAsync("/api/manage/videos/hip-rotators-in-side-lying/chapters/2/techniques",
            new[] { "pin-and-stretch-external-hip-rotators" });
        Assert.True(linked.StatusCode == HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        var unknown = await api.PutAsJsonAsync("/api/manage/videos/hip-rotators-in-side-lying/chapters/2/techniques", new[] { "no-such-technique" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/manage/videos/hip-rotators-in-side-lying/publish", null)).StatusCode);

        var site = editors.Site.CreateClient();
        var page = await site.GetStringAsync("/videos/hip-rotators-in-side-lying");
        Assert.Contains("Hip rotators in side-lying", page);
        Assert.Contains("href=\"/techniques/pin-and-stretch-external-hip-rotators\"", page);
        var json = await site.GetFromJsonAsync<JsonElement>("/api/videos/hip-rotators-in-side-lying");
        var chapter = json.GetProperty("chapters")[2];
        Assert.Equal("Pin and stretch", chapter.GetProperty("title").GetString());
        Assert.Equal("pin-and-stretch-external-hip-rotators", chapter.GetProperty("techniques")[0].GetProperty("slug").GetString());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/manage/videos/hip-rotators-in-side-lying/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/videos/hip-rotators-in-side-lying")).StatusCode);
    }

    [Fact]
    public async Task Chapter_techniques_and_notes_are_patched_together_and_notes_stay_private()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Notes on chapters", "0:00 One\n1:00 Two\n2:00 Three");
        var patched = await api.PatchAsJsonAsync($"/api/manage/videos/{slug}/chapters", new object[]
        {
            new { index = 1, techniques = new[] { "open-fists" }, notes = "Keep the fist loose." },
            new { index = 2, notes = "Slow down here." },
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var chapters = (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chapters");
        Assert.Equal("Keep the fist loose.", chapters[1].GetProperty("notes").GetString());
        Assert.Equal("open-fists", chapters[1].GetProperty("techniques")[0].GetProperty("slug").GetString());
        Assert.Equal("Slow down here.", chapters[2].GetProperty("notes").GetString());
        Assert.Equal("", chapters[0].GetProperty("notes").GetString());

        var refused = await api.PatchAsJsonAsync($"/api/manage/videos/{slug}/chapters", new object[] { new { index = 7, notes = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("chapters[0].index", out _));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/manage/videos/{slug}/publish", null)).StatusCode);
        var published = await editors.Site.CreateClient().GetStringAsync($"/api/videos/{slug}");
        Assert.DoesNotContain("Keep the fist loose.", published);
    }

    [Fact]
    public async Task Every_bad_line_is_listed()
    {
        var response = await editors.Api().PostAsJsonAsync("/api/manage/videos", new
        {
            title = "Three broken lines",
            source = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            description = "0:00 Start\n7:7 One\n1:00 Two\n2:99 Three\nx:10 Four\n3:00 Five",
        });
        var errors = Strings((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("description"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(errors, e => e.StartsWith("line 2: '7:7'"));
        Assert.Contains(errors, e => e.StartsWith("line 4: "));
        Assert.All(errors, e => Assert.Matches(@"^line \d+: ", e));
    }

    [Fact]
    public async Task The_chapter_preview_gives_chapters_and_problems_by_line_without_saving()
    {
        var response = await editors.Api().PostAsJsonAsync("/api/manage/chapters/preview", new { description = Broken, duration = 480 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problem = preview.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal("7:7 Finding the piriformis", problem.GetProperty("lineText").GetString());
        Assert.Equal("line 4: '7:7' is not a timestamp", problem.GetProperty("text").GetString());
        Assert.False(preview.GetProperty("valid").GetBoolean());
        var chapters = preview.GetProperty("chapters").EnumerateArray().ToList();
        Assert.Equal([3, 5, 6], chapters.Select(c => c.GetProperty("line").GetInt32()));
        Assert.Equal([150, 370, 480], chapters.Select(c => c.GetProperty("end").GetInt32()));
    }

    [Fact]
    public async Task Saves_write_the_node_uSync_file_and_deletion_removes_it()
    {
        var content = Path.Combine(editors.Site.USyncFolder, "v17", "Content");
        var slug = await editors.CreateVideoAsync("Exported on save", "0:00 One\n1:00 Two\n2:00 Three");
        var file = Path.Combine(content, "exported-on-save.config");
        Assert.True(File.Exists(file));
        Assert.Contains("<Published Default=\"false\" />", await File.ReadAllTextAsync(file));

        Assert.Equal(HttpStatusCode.OK, (await editors.Api().PostAsync($"/api/manage/videos/{slug}/publish", null)).StatusCode);
        Assert.Contains("<Published Default=\"true\" />", await File.ReadAllTextAsync(file));

        var renamed = await editors.Api().PutAsJsonAsync($"/api/manage/videos/{slug}", new
        {
            title = "Renamed on save", slug, source = "https://vimeo.com/123456789", duration = 600, description = "0:00 One\n1:00 Two\n2:00 Three",
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(Path.Combine(content, "renamed-on-save.config")));

        Assert.Equal(HttpStatusCode.NoContent, (await editors.Api().DeleteAsync($"/api/manage/videos/{slug}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(content, "renamed-on-save.config")));
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Api().GetAsync($"/api/manage/videos/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Techniques_are_created_updated_and_deleted()
    {
        var api = editors.Api();
        var created = await api.PostAsJsonAsync("/api/manage/techniques", new
        {
            name = "Cross-fibre friction", summary = "Short strokes across the fibres.", muscles = new[] { "Piriformis" }, regions = new[] { "hip" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var conflict = await api.PostAsJsonAsync("/api/manage/techniques", new { name = "Cross-fibre friction" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var updated = await api.PutAsJsonAsync("/api/manage/techniques/cross-fibre-friction", new { name = "Cross-fibre friction", summary = "Across the fibres." });
        Assert.Equal("Across the fibres.", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetString());
        Assert.True(File.Exists(Path.Combine(editors.Site.USyncFolder, "v17", "Content", "cross-fibre-friction.config")));
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/manage/techniques/cross-fibre-friction")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/manage/techniques/cross-fibre-friction")).StatusCode);
        Assert.False(File.Exists(Path.Combine(editors.Site.USyncFolder, "v17", "Content", "cross-fibre-friction.config")));
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
