using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Search.Indexing;
using Course.Web.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Search;

/// <summary>Editors' changes are searchable when their call returns; this class changes content, so it has its own site.</summary>
public sealed class SearchLifecycleTests : IClassFixture<SearchLifecycleTests.EditableSite>
{
    public sealed class EditableSite : IDisposable
    {
        public const string ApiKey = "search-lifecycle-key";
        public CourseSite Site { get; } = new();

        public EditableSite() => Site.Settings["Course:ManagementApiKey"] = ApiKey;

        public HttpClient Editor()
        {
            var client = Site.CreateClient();
            client.DefaultRequestHeaders.Add("Api-Key", ApiKey);
            return client;
        }

        public void Dispose() => Site.Dispose();
    }

    private readonly EditableSite site;

    public SearchLifecycleTests(EditableSite site) => this.site = site;

    private async Task<JsonElement> Search(string query)
    {
        var response = await site.Site.CreateClient().GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static IEnumerable<string?> Urls(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("url").GetString());

    [Fact]
    public async Task Published_technique_is_found_and_unpublished_one_gone()
    {
        var editor = site.Editor();
        // Asked first, so that a cached answer would show if eviction failed.
        Assert.Equal(0, (await Search("q=scalenes")).GetProperty("total").GetInt32());

        var created = await editor.PostAsJsonAsync("/api/manage/techniques", new
        {
            name = "Scalene release", slug = "scalene-release", summary = "Easing the scalenes at the side of the neck.", body = "",
            muscles = new[] { "scalenes" }, regions = new[] { "neck" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await Search("q=scalenes");
        Assert.Contains("/techniques/scalene-release", Urls(found));
        Assert.Equal(1, found.GetProperty("facets").GetProperty("region").GetProperty("neck").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/manage/techniques/scalene-release/unpublish", null)).StatusCode);
        Assert.Equal(0, (await Search("q=scalenes")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/manage/techniques/scalene-release/publish", null)).StatusCode);
        Assert.Contains("/techniques/scalene-release", Urls(await Search("q=scalene")));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/manage/techniques/scalene-release")).StatusCode);
        Assert.Equal(0, (await Search("q=scalenes")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Video_chapters_follow_publish_and_unpublish()
    {
        var editor = site.Editor();
        var created = await editor.PostAsJsonAsync("/api/manage/videos", new
        {
            title = "Neck and shoulder release", slug = "neck-and-shoulder", source = "/media/sciatica-myofascial-release.webm", duration = 600,
            description = "Gentle work for the neck.\n0:00 Introduction\n2:05 Levator scapulae release\n5:30 Upper trapezius",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, (await Search("q=levator+scapulae")).GetProperty("total").GetInt32()); // a draft is not searchable

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/manage/videos/neck-and-shoulder/publish", null)).StatusCode);
        var hit = (await Search("q=levator+scapulae&type=chapter")).GetProperty("hits")[0];
        Assert.Equal("/videos/neck-and-shoulder?t=125", hit.GetProperty("url").GetString());
        Assert.Equal(125, hit.GetProperty("start").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/manage/videos/neck-and-shoulder/unpublish", null)).StatusCode);
        Assert.Equal(0, (await Search("q=levator+scapulae")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Search("q=trapezius")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Chapter_linked_to_a_technique_is_found_by_its_muscles()
    {
        var editor = site.Editor();
        var before = await Search("q=erector+spinae&type=chapter");
        Assert.DoesNotContain("/videos/sciatica-myofascial-release?t=638", Urls(before));

        // Chapter 10 (10:38 Treatment duration) now also shows the low-back technique: a draft until published.
        const string Video = "/api/manage/videos/sciatica-myofascial-release";
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"{Video}/chapters/10/techniques", new[] { "lateral-pelvis-and-low-back" })).StatusCode);
        Assert.DoesNotContain("/videos/sciatica-myofascial-release?t=638", Urls(await Search("q=erector+spinae&type=chapter")));
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Video}/publish", null)).StatusCode);
        Assert.Contains("/videos/sciatica-myofascial-release?t=638", Urls(await Search("q=erector+spinae&type=chapter")));
        var technique = JsonDocument.Parse(await site.Site.CreateClient().GetStringAsync("/api/techniques/lateral-pelvis-and-low-back")).RootElement;
        Assert.Contains(638, technique.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("start").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"{Video}/chapters/10/techniques", Array.Empty<string>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{Video}/publish", null)).StatusCode);
        Assert.DoesNotContain("/videos/sciatica-myofascial-release?t=638", Urls(await Search("q=erector+spinae&type=chapter")));
    }
}

/// <summary>At start the index folder is reused when sound and rebuilt from the database when damaged.</summary>
public sealed class IndexStartTests : IDisposable
{
    private readonly string indexFolder = Directory.CreateTempSubdirectory("course-index-").FullName;

    /// <summary>The seed makes 41 documents: 11 techniques, 2 videos, 18 + 5 chapters, 5 transcript passages.</summary>
    private const int SeedDocuments = 41;

    /// <summary>Starts a site on the shared index folder (and on <paramref name="database"/> when given, else a fresh seeded one).</summary>
    private IndexOpening Start(string? database = null, int documents = SeedDocuments)
    {
        using var site = new CourseSite();
        site.Settings["Course:Search:IndexFolder"] = indexFolder;
        if (database is not null) site.Settings["ConnectionStrings:CourseDb"] = $"Data Source={database}";
        var index = site.Services.GetRequiredService<CourseIndex>();
        Assert.Equal(documents, index.DocumentCount);
        return index.Opening;
    }

    [Fact]
    public void An_index_behind_the_database_is_rebuilt_at_start()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("course-db-").FullName, "course.db");
        Assert.Equal("missing", Start(database).RebuildReason);
        Assert.False(Start(database).Rebuilt);

        // A change the database kept but the index never heard of: the process stopped between the two.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var unpublish = connection.CreateCommand();
            unpublish.CommandText = "UPDATE Techniques SET Published = 0, UpdateDate = '2026-11-25 12:00:00' WHERE Slug = 'open-fists'";
            Assert.Equal(1, unpublish.ExecuteNonQuery());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var rebuilt = Start(database, SeedDocuments - 1);
        Assert.StartsWith("behind the database", rebuilt.RebuildReason);
        Assert.False(Start(database, SeedDocuments - 1).Rebuilt);
        Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
    }

    [Fact]
    public void Sound_index_is_reused_and_a_corrupted_one_rebuilt_with_the_right_count()
    {
        Assert.Equal("missing", Start().RebuildReason);
        Assert.False(Start().Rebuilt);

        foreach (var file in Directory.GetFiles(indexFolder))
        {
            var bytes = File.ReadAllBytes(file);
            for (var i = bytes.Length / 3; i < bytes.Length; i += 7) bytes[i] ^= 0xFF;
            File.WriteAllBytes(file, bytes);
        }
        var rebuilt = Start();
        Assert.StartsWith("unreadable", rebuilt.RebuildReason);
        Assert.Equal(SeedDocuments, rebuilt.Documents);
    }

    [Fact]
    public void Emptied_folder_is_rebuilt()
    {
        Start();
        foreach (var file in Directory.GetFiles(indexFolder)) File.Delete(file);
        Assert.Equal("missing", Start().RebuildReason);
    }

    public void Dispose()
    {
        try { Directory.Delete(indexFolder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}
