using System.Net;
using System.Text.Json;
using Course.Web.Tests.Site;
using static Course.Web.Tests.Delivery.DeliveryContract;

namespace Course.Web.Tests.Delivery;

/// <summary>Every Delivery API route and parameter against the seeded course; each answer is checked against Umbraco's contract.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class DeliveryApiTests(CourseSite site)
{
    private const string VideoKey = "918c3086-e397-43a5-879b-bc1e6a347115";
    private const string FasciaKey = "e8389764-c39c-4164-92dd-6b2a4a681f64";
    private const string PinAndStretchKey = "260e9af5-930a-45c4-989f-5d3addc4186b";

    private HttpClient Client => site.CreateClient();

    [Fact]
    public async Task Video_by_id_is_an_umbraco_item_with_its_chapters_as_a_block_list()
    {
        var video = await Client.GetDeliveryAsync($"{Content}/item/{VideoKey}");
        Assert.Equal("courseVideo", video.GetProperty("contentType").GetString());
        Assert.Equal("Sciatica myofascial release techniques", video.GetProperty("name").GetString());
        Assert.Equal(VideoKey, video.GetProperty("id").GetString());
        Assert.Equal("/sciatica-myofascial-release/", video.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(VideoKey, video.GetProperty("route").GetProperty("startItem").GetProperty("id").GetString());
        Assert.Equal("sciatica-myofascial-release", video.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Object, video.GetProperty("cultures").ValueKind);
        Assert.Empty(video.GetProperty("cultures").EnumerateObject());
        Assert.EndsWith("Z", video.GetProperty("createDate").GetString());

        var properties = video.GetProperty("properties");
        Assert.Equal(["source", "duration", "description", "chapters", "umbracoUrlName"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1260, properties.GetProperty("duration").GetInt32());
        Assert.Equal("sciatica-myofascial-release", properties.GetProperty("umbracoUrlName").GetString());
        Assert.Equal(JsonValueKind.String, properties.GetProperty("description").ValueKind);

        var blocks = properties.GetProperty("chapters").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(18, blocks.Count);
        int[] seconds = [0, 23, 45, 80, 278, 310, 325, 360, 430, 530, 638, 672, 795, 820, 880, 960, 1104, 1200];
        Assert.Equal(seconds, blocks.Select(b => b.GetProperty("content").GetProperty("properties").GetProperty("start").GetInt32()));
        Assert.All(blocks, b =>
        {
            Assert.Equal("chapter", b.GetProperty("content").GetProperty("contentType").GetString());
            Assert.True(Guid.TryParse(b.GetProperty("content").GetProperty("id").GetString(), out _));
            Assert.Equal(JsonValueKind.Null, b.GetProperty("settings").ValueKind);
            // Editors' private notes stay out of public answers.
            Assert.False(b.GetProperty("content").GetProperty("properties").TryGetProperty("notes", out _));
        });

        var pin = blocks[16].GetProperty("content").GetProperty("properties");
        Assert.Equal("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", pin.GetProperty("title").GetString());
        var technique = Assert.Single(pin.GetProperty("techniques").EnumerateArray());
        Assert.Equal(PinAndStretchKey, technique.GetProperty("id").GetString());
        Assert.Equal("technique", technique.GetProperty("contentType").GetString());
        Assert.Equal("/pin-and-stretch-external-hip-rotators/", technique.GetProperty("route").GetProperty("path").GetString());
        // A picked item is Umbraco's IApiContent: shallow until expanded, and without cultures.
        Assert.Empty(technique.GetProperty("properties").EnumerateObject());
        Assert.False(technique.TryGetProperty("cultures", out _));
        Assert.Empty(blocks[0].GetProperty("content").GetProperty("properties").GetProperty("techniques").EnumerateArray());
    }

    [Fact]
    public async Task Technique_properties_render_as_umbracos_converters_do()
    {
        var fascia = await Client.GetDeliveryAsync($"{Content}/item/{FasciaKey}");
        Assert.Equal("technique", fascia.GetProperty("contentType").GetString());
        var properties = fascia.GetProperty("properties");
        Assert.Equal(["summary", "body", "muscles", "regions", "umbracoUrlName"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["gluteus maximus", "gluteus medius"], properties.GetProperty("muscles").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["posterior pelvis", "buttock", "lateral pelvis"], properties.GetProperty("regions").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("Engaging the layer under the skin", properties.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("/sciatica-myofascial-release/", VideoKey)]
    [InlineData("/sciatica-myofascial-release", VideoKey)]
    [InlineData("/working-with-the-fascia/", FasciaKey)]
    [InlineData("/WORKING-WITH-THE-FASCIA", FasciaKey)]
    public async Task Item_by_path_follows_the_route_the_items_carry(string path, string key)
    {
        var item = await Client.GetDeliveryAsync($"{Content}/item{path}");
        Assert.Equal(key, item.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Start_item_header_names_a_root_by_segment_or_id()
    {
        var bySegment = await Client.GetDeliveryAsync($"{Content}/item/", HttpStatusCode.OK, ("Start-Item", "working-with-the-fascia"));
        Assert.Equal(FasciaKey, bySegment.GetProperty("id").GetString());
        var byId = await Client.GetDeliveryAsync($"{Content}/item/", HttpStatusCode.OK, ("Start-Item", FasciaKey));
        Assert.Equal(FasciaKey, byId.GetProperty("id").GetString());
        // Under a start item a path names its descendants, and Course's roots have none.
        await Client.GetDeliveryAsync($"{Content}/item/working-with-the-fascia", HttpStatusCode.NotFound, ("Start-Item", "working-with-the-fascia"));
        var unknown = await Client.GetDeliveryAsync($"{Content}/item/{VideoKey}", HttpStatusCode.NotFound, ("Start-Item", "no-such-root"));
        Assert.Contains("Start-Item", unknown.GetProperty("detail").GetString());
        // The query under a start item selects its descendants.
        var query = await Client.GetDeliveryAsync(Content, HttpStatusCode.OK, ("Start-Item", "sciatica-myofascial-release"));
        Assert.Equal(0, query.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Accept_language_and_segment_are_accepted_for_invariant_content()
    {
        var item = await Client.GetDeliveryAsync($"{Content}/item/{FasciaKey}", HttpStatusCode.OK, ("Accept-Language", "en-US"), ("Accept-Segment", "segment-one"));
        Assert.Equal("Working with the fascia", item.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData($"{Content}/item/00000000-0000-0000-0000-000000000001")]
    [InlineData($"{Content}/item/no-such-page")]
    [InlineData($"{Content}/item/")]
    [InlineData($"{Content}/item/sciatica-myofascial-release/chapters")]
    public async Task Unknown_items_answer_404_problem_details(string url)
    {
        var problem = await Client.GetDeliveryAsync(url, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Items_by_ids_keep_the_order_asked_and_skip_unknown_ids()
    {
        var items = await Client.GetDeliveryAsync($"{Content}/items?id={FasciaKey}&id=00000000-0000-0000-0000-000000000001&id={VideoKey}&id={FasciaKey}");
        Assert.Equal([FasciaKey, VideoKey], items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Empty((await Client.GetDeliveryAsync($"{Content}/items")).EnumerateArray());
        var bad = await Client.GetDeliveryAsync($"{Content}/items?id=nope", HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Query_without_parameters_lists_every_item_in_tree_order_ten_at_a_time()
    {
        var all = await Client.GetDeliveryAsync(Content);
        Assert.Equal(13, all.GetProperty("total").GetInt32());
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal(VideoKey, items[0].GetProperty("id").GetString());
        Assert.Equal("courseVideo", items[1].GetProperty("contentType").GetString());
        Assert.All(items.Skip(2), i => Assert.Equal("technique", i.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task Techniques_are_filtered_sorted_and_paged()
    {
        var page = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&sort=name:asc&skip=2&take=3");
        Assert.Equal(11, page.GetProperty("total").GetInt32());
        Assert.Equal(
            ["Myofascial release from superior to inferior", "Open fists for myofascial release", "Palpating the gluteal landmarks"],
            Names(page));

        var descending = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&sort=name:desc&take=2");
        Assert.Equal(["Working with the hip in abduction", "Working with the fascia"], Names(descending));

        var named = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&filter=name:Myofascial&take=20");
        Assert.Equal(5, named.GetProperty("total").GetInt32());
        Assert.All(Names(named), n => Assert.Contains("myofascial", n, StringComparison.OrdinalIgnoreCase));

        var notNamed = await Client.GetDeliveryAsync($"{Content}?filter=name:!myofascial&take=20");
        Assert.Equal(6, notNamed.GetProperty("total").GetInt32());
        var videos = await Client.GetDeliveryAsync($"{Content}?filter=contentType:!technique");
        Assert.Equal(["Sciatica myofascial release techniques", "Sciatica myofascial release: the approach, read aloud"], Names(videos));
        var none = await Client.GetDeliveryAsync($"{Content}?filter=contentType:article");
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var beyond = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&skip=20");
        Assert.Equal(11, beyond.GetProperty("total").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("createDate<2026-01-06", 13)]
    [InlineData("createDate>2026-01-06", 0)]
    [InlineData("createDate>:2026-01-05T10:00:00Z", 13)]
    [InlineData("createDate>2026-01-05T10:00:00Z", 0)]
    [InlineData("createDate<:2026-01-05T10:00:00Z", 13)]
    [InlineData("createDate:2026-01-05T10:00:00Z", 13)]
    [InlineData("createDate:!2026-01-05T10:00:00Z", 0)]
    [InlineData("updateDate>2000-01-01", 13)]
    [InlineData("updateDate<2000-01-01", 0)]
    public async Task Dates_filter_by_comparison(string filter, int total)
    {
        var found = await Client.GetDeliveryAsync($"{Content}?filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(total, found.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("sortOrder:asc")]
    [InlineData("level:asc")]
    [InlineData("createDate:asc")]
    [InlineData("updateDate:desc")]
    public async Task Every_sort_is_accepted_and_ties_keep_tree_order(string sort)
    {
        var tree = Names(await Client.GetDeliveryAsync($"{Content}?take=20"));
        var sorted = Names(await Client.GetDeliveryAsync($"{Content}?take=20&sort={sort}"));
        Assert.Equal(13, sorted.Count);
        // Seeded items share their dates and level: the tree order decides.
        if (!sort.StartsWith("updateDate")) Assert.Equal(tree, sorted);
        var reversed = Names(await Client.GetDeliveryAsync($"{Content}?take=20&sort=sortOrder:desc"));
        Assert.Equal(tree.AsEnumerable().Reverse(), reversed);
    }

    [Theory]
    [InlineData($"children:{VideoKey}")]
    [InlineData("children:/sciatica-myofascial-release/")]
    [InlineData($"descendants:{FasciaKey}")]
    [InlineData("ancestors:/working-with-the-fascia/")]
    [InlineData("children:no-such-path")]
    public async Task Fetch_selects_relatives_and_every_course_document_is_a_root(string fetch)
    {
        var found = await Client.GetDeliveryAsync($"{Content}?fetch={Uri.EscapeDataString(fetch)}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("fetch=siblings:x", "fetch", "Selector option not found")]
    [InlineData("filter=title:x", "filter", "Filter option not found")]
    [InlineData("filter=createDate>yesterday", "filter", "Filter option not found")]
    [InlineData("sort=title:asc", "sort", "Sort option not found")]
    [InlineData("sort=name:up", "sort", "Sort option not found")]
    [InlineData("skip=-1", "skip", "Invalid paging")]
    [InlineData("take=ten", "take", "Invalid paging")]
    [InlineData("expand=properties[chapters", "expand", "Invalid 'expand' parameter")]
    [InlineData("expand=all", "expand", "Invalid 'expand' parameter")]
    [InlineData("fields=properties[]", "fields", "Invalid 'fields' parameter")]
    [InlineData("fields=a]b[", "fields", "Invalid 'fields' parameter")]
    public async Task Bad_query_parameters_answer_400_naming_the_parameter(string query, string parameter, string title)
    {
        var problem = await Client.GetDeliveryAsync($"{Content}?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Expand_turns_picked_techniques_into_items_with_their_properties()
    {
        var expanded = await Client.GetDeliveryAsync($"{Content}/item/{VideoKey}?expand=properties[chapters[properties[techniques]]]");
        var pin = expanded.GetProperty("properties").GetProperty("chapters").GetProperty("items")[16].GetProperty("content").GetProperty("properties");
        var technique = pin.GetProperty("techniques")[0];
        Assert.Contains("piriformis", technique.GetProperty("properties").GetProperty("muscles").EnumerateArray().Select(m => m.GetString()));

        // $all expands the video's own properties, not the pickers inside its blocks (Umbraco's rule).
        var all = await Client.GetDeliveryAsync($"{Content}/item/{VideoKey}?expand=properties[$all]");
        var shallow = all.GetProperty("properties").GetProperty("chapters").GetProperty("items")[16].GetProperty("content").GetProperty("properties");
        Assert.Empty(shallow.GetProperty("techniques")[0].GetProperty("properties").EnumerateObject());
    }

    [Fact]
    public async Task Fields_limits_the_properties_at_each_level()
    {
        var limited = await Client.GetDeliveryAsync($"{Content}/item/{FasciaKey}?fields=properties[muscles,regions]");
        Assert.Equal(["muscles", "regions"], limited.GetProperty("properties").EnumerateObject().Select(p => p.Name));

        var none = await Client.GetDeliveryAsync($"{Content}?filter=contentType:technique&fields=properties[nothingHere]");
        Assert.All(none.GetProperty("items").EnumerateArray(), i => Assert.Empty(i.GetProperty("properties").EnumerateObject()));

        var nested = await Client.GetDeliveryAsync(
            $"{Content}/item/{VideoKey}?expand=properties[chapters[properties[techniques]]]&fields=properties[chapters[properties[start,techniques[properties[muscles]]]]]");
        Assert.Equal(["chapters"], nested.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var chapter = nested.GetProperty("properties").GetProperty("chapters").GetProperty("items")[16].GetProperty("content").GetProperty("properties");
        Assert.Equal(["start", "techniques"], chapter.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["muscles"], chapter.GetProperty("techniques")[0].GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Answers_are_output_cached_and_vary_by_the_delivery_headers()
    {
        var response = await Client.GetAsync($"{Content}/item/{FasciaKey}");
        Assert.Contains("Start-Item", response.Headers.Vary);
        Assert.Contains("Preview", response.Headers.Vary);
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
