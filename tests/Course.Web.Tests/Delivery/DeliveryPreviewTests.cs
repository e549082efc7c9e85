using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Web.Tests.Site;
using static Course.Web.Tests.Delivery.DeliveryContract;

namespace Course.Web.Tests.Delivery;

/// <summary>Drafts with <c>Api-Key</c> and <c>Preview: true</c>, and published answers following content changes.</summary>
public sealed class DeliveryPreviewTests : IClassFixture<EditorSite>
{
    public const string DeliveryKey = "test-delivery-key-7c1e";
    private static readonly (string, string) Preview = ("Preview", "true");
    private static readonly (string, string) Key = ("Api-Key", DeliveryKey);
    private readonly EditorSite editors;

    public DeliveryPreviewTests(EditorSite editors)
    {
        this.editors = editors;
        editors.Site.Settings["Course:DeliveryApi:ApiKey"] = DeliveryKey;
    }

    private HttpClient Client => editors.Site.CreateClient();

    [Fact]
    public async Task A_draft_is_seen_only_with_the_key_and_preview()
    {
        var slug = await editors.CreateVideoAsync("Draft for the delivery API", "0:00 Warm up\n1:30 Stretch\n4:00 Rest");
        var key = (await editors.Api().GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}")).GetProperty("key").GetString();

        await Client.GetDeliveryAsync($"{Content}/item/{key}", HttpStatusCode.NotFound);
        await Client.GetDeliveryAsync($"{Content}/item/{key}", HttpStatusCode.Unauthorized, Preview);
        await Client.GetDeliveryAsync($"{Content}/item/{key}", HttpStatusCode.Unauthorized, Preview, ("Api-Key", "wrong-key"));
        // The key alone asks for published content.
        await Client.GetDeliveryAsync($"{Content}/item/{key}", HttpStatusCode.NotFound, Key);

        var draft = await Client.GetDeliveryAsync($"{Content}/item/{key}", HttpStatusCode.OK, Preview, Key);
        Assert.Equal("Draft for the delivery API", draft.GetProperty("name").GetString());
        Assert.Equal($"/preview-{key}/", draft.GetProperty("route").GetProperty("path").GetString());
        var chapters = draft.GetProperty("properties").GetProperty("chapters").GetProperty("items").EnumerateArray()
            .Select(b => b.GetProperty("content").GetProperty("properties")).ToList();
        Assert.Equal([0, 90, 240], chapters.Select(c => c.GetProperty("start").GetInt32()));

        var byPreviewPath = await Client.GetDeliveryAsync($"{Content}/item/preview-{key}", HttpStatusCode.OK, Preview, Key);
        Assert.Equal(key, byPreviewPath.GetProperty("id").GetString());
        await Client.GetDeliveryAsync($"{Content}/item/preview-{key}", HttpStatusCode.NotFound);

        var published = await Client.GetDeliveryAsync($"{Content}?filter=name:Draft for the delivery");
        Assert.Equal(0, published.GetProperty("total").GetInt32());
        var previewed = await Client.GetDeliveryAsync($"{Content}?filter=name:Draft for the delivery", HttpStatusCode.OK, Preview, Key);
        Assert.Equal(1, previewed.GetProperty("total").GetInt32());
        await Client.GetDeliveryAsync($"{Content}/items?id={key}", HttpStatusCode.Unauthorized, Preview);
        Assert.Single((await Client.GetDeliveryAsync($"{Content}/items?id={key}", HttpStatusCode.OK, Preview, Key)).EnumerateArray());
    }

    [Fact]
    public async Task Editors_chapter_notes_show_only_in_previews()
    {
        var slug = await editors.CreateVideoAsync("Notes for the delivery API", "0:00 One\n1:00 Two\n2:00 Three");
        await editors.Api().PostAsync($"/api/manage/videos/{slug}/publish", null);
        var patched = await editors.Api().PatchAsJsonAsync($"/api/manage/videos/{slug}/chapters",
            new object[] { new { index = 1, techniques = new[] { "open-fists" }, notes = "Keep the fist loose." } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var route = $"{Content}/item/{slug}";
        var live = await Client.GetDeliveryAsync(route);
        var liveChapter = live.GetProperty("properties").GetProperty("chapters").GetProperty("items")[1].GetProperty("content").GetProperty("properties");
        Assert.False(liveChapter.TryGetProperty("notes", out _));
        Assert.Empty(liveChapter.GetProperty("techniques").EnumerateArray()); // the link is a saved change, not yet published

        var draft = await Client.GetDeliveryAsync(route, HttpStatusCode.OK, Preview, Key);
        var draftChapter = draft.GetProperty("properties").GetProperty("chapters").GetProperty("items")[1].GetProperty("content").GetProperty("properties");
        Assert.Equal("Keep the fist loose.", draftChapter.GetProperty("notes").GetString());
        Assert.Equal("/open-fists/", draftChapter.GetProperty("techniques")[0].GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(["title", "start", "techniques", "notes"], draftChapter.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Cached_answers_follow_publishing_and_previews_are_never_cached()
    {
        const string route = $"{Content}/item/working-with-the-fascia";
        string Summary(JsonElement item) => item.GetProperty("properties").GetProperty("summary").GetString()!;
        var before = Summary(await Client.GetDeliveryAsync(route));

        var saved = await editors.Api().PutAsJsonAsync("/api/manage/techniques/working-with-the-fascia", new
        {
            name = "Working with the fascia",
            slug = "working-with-the-fascia",
            summary = "A new summary, saved but not yet published.",
            body = "Body.",
            muscles = new[] { "gluteus maximus" },
            regions = new[] { "buttock" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(before, Summary(await Client.GetDeliveryAsync(route)));
        Assert.Equal("A new summary, saved but not yet published.", Summary(await Client.GetDeliveryAsync(route, HttpStatusCode.OK, Preview, Key)));

        Assert.Equal(HttpStatusCode.OK, (await editors.Api().PostAsync("/api/manage/techniques/working-with-the-fascia/publish", null)).StatusCode);
        Assert.Equal("A new summary, saved but not yet published.", Summary(await Client.GetDeliveryAsync(route)));
    }

    [Fact]
    public async Task A_new_technique_sorts_first_by_creation_date_descending()
    {
        var created = await editors.Api().PostAsJsonAsync("/api/manage/techniques", new
        {
            name = "Delivery sorting check",
            summary = "Created by a test.",
            body = "Body.",
            muscles = new[] { "piriformis" },
            regions = new[] { "buttock" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newest = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&sort=createDate:desc&take=1");
        Assert.Equal("Delivery sorting check", newest.GetProperty("items")[0].GetProperty("name").GetString());
        var oldest = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&sort=createDate:asc&sort=name:desc&take=1");
        Assert.Equal("Working with the hip in abduction", oldest.GetProperty("items")[0].GetProperty("name").GetString());
        // Sorts apply in the order sent (the output cache must not reorder repeated values).
        var byName = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&sort=name:asc&sort=createDate:desc&take=1");
        Assert.Equal("Body mechanics for lazy myofascial release", byName.GetProperty("items")[0].GetProperty("name").GetString());
        var recent = await Client.GetDeliveryAsync($"{Content}?filter=createDate>2026-06-01");
        Assert.Contains("Delivery sorting check", recent.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }
}

/// <summary><c>Course:DeliveryApi:PublicAccess</c> off: every request needs the key.</summary>
public sealed class DeliveryPrivateAccessTests : IDisposable
{
    private readonly CourseSite site = new();

    public DeliveryPrivateAccessTests()
    {
        site.Settings["Course:DeliveryApi:PublicAccess"] = "false";
        site.Settings["Course:DeliveryApi:ApiKey"] = DeliveryPreviewTests.DeliveryKey;
    }

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Without_public_access_the_key_is_needed()
    {
        var client = site.CreateClient();
        await client.GetDeliveryAsync(Content, HttpStatusCode.Unauthorized);
        await client.GetDeliveryAsync($"{Content}/item/working-with-the-fascia", HttpStatusCode.Unauthorized, ("Api-Key", "wrong"));
        var items = await client.GetDeliveryAsync(Content, HttpStatusCode.OK, ("Api-Key", DeliveryPreviewTests.DeliveryKey));
        Assert.Equal(13, items.GetProperty("total").GetInt32());
        // A cached answer for the key is not served to a request without it.
        await client.GetDeliveryAsync(Content, HttpStatusCode.Unauthorized);
    }
}

/// <summary><c>Course:DeliveryApi:Enabled</c> off: no routes and no document.</summary>
public sealed class DeliveryDisabledTests : IDisposable
{
    private readonly CourseSite site = new();

    public DeliveryDisabledTests() => site.Settings["Course:DeliveryApi:Enabled"] = "false";

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_disabled_delivery_api_answers_404()
    {
        var client = site.CreateClient();
        var problem = await client.GetDeliveryAsync($"{Content}/item/working-with-the-fascia", HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/umbraco/swagger/delivery/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/techniques/working-with-the-fascia")).StatusCode);
    }
}
