using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>An <see cref="EditorSite"/> served by Kestrel on a loopback port, so parallel editors speak real HTTP.</summary>
public sealed class LoopbackEditorSite : IDisposable
{
    public EditorSite Editors { get; } = new();

    public LoopbackEditorSite()
    {
        Editors.Site.UseKestrel(0);
        Editors.Site.StartServer();
    }

    public void Dispose() => Editors.Dispose();
}

/// <summary>
/// Editors saving one item at the same moment over real HTTP: of saves from one version one wins and the
/// rest answer 409 or 412, saves without If-Match never overwrite each other silently, never a 500.
/// </summary>
public sealed class ConcurrentEditTests(LoopbackEditorSite loopback) : IClassFixture<LoopbackEditorSite>
{
    private const int Rounds = 5;
    private const int Editors = 8;
    private EditorSite Site => loopback.Editors;

    [Fact]
    public async Task Parallel_saves_of_one_video_from_the_same_version_let_exactly_one_win_and_the_rest_answer_409_or_412()
    {
        var slug = await Site.CreateVideoAsync("Raced video", "0:00 One\n1:00 Two\n2:00 Three");
        for (var round = 0; round < Rounds; round++)
        {
            var (start, _) = await Site.ReadVersionAsync($"/api/manage/videos/{slug}");
            var answers = await RaceAsync(HttpMethod.Put, $"/api/manage/videos/{slug}", start, i => new
            {
                title = "Raced video", slug, source = "https://www.youtube.com/watch?v=dQw4w9WgXcQ", duration = 600,
                description = $"Round {round}, editor {i}.\n\n0:00 One\n1:00 Two\n2:00 Three",
            });
            var (after, body) = await Site.ReadVersionAsync($"/api/manage/videos/{slug}");
            AssertOneWinner(answers, start, after);
            Assert.Equal(answers.Single(a => a.Status == HttpStatusCode.OK).Body!.Value.GetProperty("description").GetString(),
                body.GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task Parallel_saves_of_one_technique_without_if_match_never_overwrite_each_other_silently()
    {
        var slug = await Site.CreateTechniqueAsync("Raced technique");
        for (var round = 0; round < Rounds; round++)
        {
            var (start, _) = await Site.ReadVersionAsync($"/api/manage/techniques/{slug}");
            var answers = await RaceAsync(HttpMethod.Put, $"/api/manage/techniques/{slug}", null, i => new
            {
                name = "Raced technique", slug, summary = $"Round {round}, editor {i}.", body = "", muscles = new[] { "piriformis" }, regions = new[] { "hip" },
            });
            var (after, body) = await Site.ReadVersionAsync($"/api/manage/techniques/{slug}");

            Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.Status}: {a.Text}"));
            // No lost change: each save that answered 200 made a version of its own, and the last of them is what is stored.
            var won = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Body!.Value).ToList();
            Assert.NotEmpty(won);
            Assert.Equal(won.Count, after - start);
            Assert.Equal(Enumerable.Range(start + 1, won.Count), won.Select(w => w.GetProperty("version").GetInt32()).Order());
            Assert.Equal(won.MaxBy(w => w.GetProperty("version").GetInt32()).GetProperty("summary").GetString(), body.GetProperty("summary").GetString());
        }
    }

    [Fact]
    public async Task Parallel_chapter_edits_and_publishes_of_one_video_answer_200_409_or_412_and_never_500()
    {
        var slug = await Site.CreateVideoAsync("Raced chapters", "0:00 One\n1:00 Two\n2:00 Three");
        var (start, _) = await Site.ReadVersionAsync($"/api/manage/videos/{slug}");
        using var http = Site.Api();
        var answers = await Task.WhenAll(Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
        {
            using var request = i % 2 == 0
                ? new HttpRequestMessage(HttpMethod.Patch, $"/api/manage/videos/{slug}/chapters") { Content = JsonContent.Create(new[] { new { index = 1, notes = $"Note {i}" } }) }
                : new HttpRequestMessage(HttpMethod.Post, $"/api/manage/videos/{slug}/publish");
            if (i % 4 < 2) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{start}\""));
            var response = await http.SendAsync(request);
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        })));
        Assert.All(answers, a => Assert.True(
            a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"{(int)a.StatusCode}: {a.Text}"));
        var (after, _) = await Site.ReadVersionAsync($"/api/manage/videos/{slug}");
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.OK), after - start);
    }

    private sealed record Answer(HttpStatusCode Status, string Text, JsonElement? Body);

    /// <summary>Sends <see cref="Editors"/> requests at once, each from its own client, released together.</summary>
    private async Task<Answer[]> RaceAsync(HttpMethod method, string path, int? ifMatch, Func<int, object> body)
    {
        var clients = Enumerable.Range(0, Editors).Select(_ => Site.Api()).ToList();
        using var go = new SemaphoreSlim(0);
        var racing = clients.Select((http, i) => Task.Run(async () =>
        {
            await go.WaitAsync();
            var response = await http.SendWithIfMatchAsync(method, path, ifMatch is { } v ? $"\"{v}\"" : null, body(i));
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, text, response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement : null);
        })).ToList();
        go.Release(Editors);
        var answers = await Task.WhenAll(racing);
        clients.ForEach(c => c.Dispose());
        return answers;
    }

    private static void AssertOneWinner(Answer[] answers, int start, int after)
    {
        Assert.All(answers, a => Assert.True(
            a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"{(int)a.Status}: {a.Text}"));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(start + 1, after);
    }
}

/// <summary>
/// Two editors on one item, one after the other: every answer carries the stored version (ETag and
/// <c>version</c>); a change over a version that is no longer stored is refused with 412 through the API,
/// and through the backoffice form with both versions shown and the editor's text kept.
/// </summary>
public sealed class VersionConflictTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private EditorSite Site => editors;

    [Fact]
    public async Task A_change_over_a_version_that_is_no_longer_stored_answers_412_and_changes_nothing()
    {
        var slug = await Site.CreateTechniqueAsync("Stale technique");
        using var http = Site.Api();
        var first = await http.GetAsync($"/api/manage/techniques/{slug}");
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var saved = await http.SendWithIfMatchAsync(HttpMethod.Put, $"/api/manage/techniques/{slug}", "\"1\"", VersionedApi.Technique("Stale technique", slug, "Second."));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);

        foreach (var ifMatch in new[] { "\"1\"", "\"bogus\"", "W/\"2\"", "bogus", "\"2\", \"3\"" })
        {
            var stale = await http.SendWithIfMatchAsync(HttpMethod.Put, $"/api/manage/techniques/{slug}", ifMatch, VersionedApi.Technique("Stale technique", slug, "Lost?"));
            Assert.True(HttpStatusCode.PreconditionFailed == stale.StatusCode, $"If-Match: {ifMatch} gave {(int)stale.StatusCode}");
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
            var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("the stored version is 2", problem.GetProperty("errors").GetProperty("version")[0].GetString());
        }
        var refusedDelete = await http.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/manage/techniques/{slug}", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedDelete.StatusCode);
        var refusedPublish = await http.SendWithIfMatchAsync(HttpMethod.Post, $"/api/manage/techniques/{slug}/unpublish", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, refusedPublish.StatusCode);

        var stored = await http.GetFromJsonAsync<JsonElement>($"/api/manage/techniques/{slug}");
        Assert.Equal("Second.", stored.GetProperty("summary").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.True(stored.GetProperty("published").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await http.SendWithIfMatchAsync(HttpMethod.Put, $"/api/manage/techniques/{slug}", "*", VersionedApi.Technique("Stale technique", slug, "Any version."))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/manage/techniques/{slug}", "\"3\"")).StatusCode);
    }

    [Fact]
    public async Task An_editor_whose_form_someone_else_saved_over_sees_both_versions_and_keeps_what_they_typed()
    {
        var slug = await Site.CreateTechniqueAsync("Two editors");
        var browser = await Site.SignedInAsync();
        var edit = $"/backoffice/techniques/edit/{slug}";
        var opened = await browser.GetStringAsync(edit);
        Assert.Contains("name=\"BaseVersion\" value=\"1\"", opened);

        // Someone else saves while the first editor is typing.
        using var api = Site.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/manage/techniques/{slug}", VersionedApi.Technique("Two editors", slug, "Their summary."))).StatusCode);

        var fields = new Dictionary<string, string>
        {
            ["BaseVersion"] = "1", ["Form.Name"] = "Two editors", ["Form.Slug"] = slug, ["Form.Summary"] = "My summary, typed with care.",
            ["Form.Body"] = "", ["Form.Muscles"] = "piriformis", ["Form.Regions"] = "hip",
        };
        var refused = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Save", new(fields));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved this technique meanwhile", page);
        Assert.Contains("My summary, typed with care.", Regex.Match(page, "<textarea[^>]*Form_Summary[^>]*>([^<]*)</textarea>").Groups[1].Value);
        Assert.Contains("<td><pre>Their summary.</pre></td>", page);
        Assert.Contains("name=\"BaseVersion\" value=\"2\"", page);
        Assert.Equal("Their summary.", (await api.GetFromJsonAsync<JsonElement>($"/api/manage/techniques/{slug}")).GetProperty("summary").GetString());

        // Having seen theirs, the editor saves again: now over the stored version, on purpose.
        var saved = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Save", new(fields) { ["BaseVersion"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("My summary, typed with care.", (await api.GetFromJsonAsync<JsonElement>($"/api/manage/techniques/{slug}")).GetProperty("summary").GetString());
    }
}

/// <summary>The editor API calls the concurrency tests share.</summary>
internal static class VersionedApi
{
    public static object Technique(string name, string slug, string summary) =>
        new { name, slug, summary, body = "", muscles = new[] { "piriformis" }, regions = new[] { "hip" } };

    public static async Task<string> CreateTechniqueAsync(this EditorSite site, string name)
    {
        using var http = site.Api();
        var created = await http.PostAsJsonAsync("/api/manage/techniques", Technique(name, Regex.Replace(name.ToLowerInvariant(), "[^a-z]+", "-"), "First."));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }

    public static async Task<(int Version, JsonElement Body)> ReadVersionAsync(this EditorSite site, string path)
    {
        using var http = site.Api();
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var version = body.GetProperty("version").GetInt32();
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
        return (version, body);
    }

    public static async Task<HttpResponseMessage> SendWithIfMatchAsync(this HttpClient http, HttpMethod method, string path, string? ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await http.SendAsync(request);
    }
}
