using System.Net;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Search;

[Collection(SeededSiteCollection.Name)]
public sealed class SearchApiTests(CourseSite site)
{
    private async Task<JsonElement> Json(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Search_json_has_the_contract_shape_and_lands_on_the_second()
    {
        var result = await Json("/api/search?q=piriformus");
        Assert.Equal("piriformus", result.GetProperty("query").GetString());
        Assert.True(result.GetProperty("total").GetInt32() >= 3);
        Assert.True(result.GetProperty("tookMs").GetDouble() >= 0);
        var hit = result.GetProperty("hits")[0];
        Assert.Equal("chapter", hit.GetProperty("type").GetString());
        Assert.Equal("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", hit.GetProperty("title").GetString());
        Assert.Equal("/videos/sciatica-myofascial-release?t=1104", hit.GetProperty("url").GetString());
        Assert.Equal("sciatica-myofascial-release", hit.GetProperty("videoSlug").GetString());
        Assert.Equal(1104, hit.GetProperty("start").GetInt32());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Equal(JsonValueKind.String, hit.GetProperty("snippet").ValueKind);
        var facets = result.GetProperty("facets");
        Assert.Equal(["type", "muscle", "region"], facets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.GetProperty("total").GetInt32(), facets.GetProperty("type").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(facets.GetProperty("muscle").GetProperty("piriformis").GetInt32() > 0);
    }

    [Fact]
    public async Task Technique_hits_list_their_chapters_and_carry_no_start()
    {
        var result = await Json("/api/search?q=pin%20and%20stretch&type=technique");
        var hit = Assert.Single(result.GetProperty("hits").EnumerateArray());
        Assert.Equal("/techniques/pin-and-stretch-external-hip-rotators", hit.GetProperty("url").GetString());
        Assert.False(hit.TryGetProperty("start", out _));
        var chapter = Assert.Single(hit.GetProperty("chapters").EnumerateArray());
        Assert.Equal("/videos/sciatica-myofascial-release?t=1104", chapter.GetProperty("url").GetString());
        Assert.Equal("Sciatica myofascial release techniques, 18:24", chapter.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Filters_and_paging_apply()
    {
        var all = await Json("/api/search?q=myofascial&pageSize=5");
        Assert.Equal(5, all.GetProperty("hits").GetArrayLength());
        var chapters = await Json("/api/search?q=myofascial&type=chapter&muscle=piriformis&pageSize=50");
        Assert.All(chapters.GetProperty("hits").EnumerateArray(), h => Assert.Equal("chapter", h.GetProperty("type").GetString()));
        Assert.Equal(chapters.GetProperty("total").GetInt32(), chapters.GetProperty("hits").GetArrayLength());
        var second = await Json("/api/search?q=myofascial&pageSize=5&page=2");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.NotEqual(all.GetProperty("hits")[0].GetProperty("url").GetString(), second.GetProperty("hits")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Suggest_completes_muscles_and_titles()
    {
        var result = await Json("/api/search/suggest?q=pir");
        var first = result.GetProperty("suggestions")[0];
        Assert.Equal("piriformis", first.GetProperty("text").GetString());
        Assert.Equal("muscle", first.GetProperty("type").GetString());
        Assert.Equal("/techniques?muscle=piriformis", first.GetProperty("url").GetString());
        var titles = await Json("/api/search/suggest?q=treatment%20du");
        var chapter = Assert.Single(titles.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("/videos/sciatica-myofascial-release?t=638", chapter.GetProperty("url").GetString());
        Assert.Empty((await Json("/api/search/suggest?q=")).GetProperty("suggestions").EnumerateArray());
        Assert.Empty((await Json("/api/search/suggest?q=%22(*~:%5C")).GetProperty("suggestions").EnumerateArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20")]
    [InlineData("q=%22")]
    [InlineData("q=(")]
    [InlineData("q=*")]
    [InlineData("q=~")]
    [InlineData("q=:")]
    [InlineData("q=%5C")]
    [InlineData("q=%22unbalanced%20piriformis")]
    [InlineData("q=title:piriformis~2%20AND%20(hip%20OR%20%5B1%20TO%202%5D)")]
    [InlineData("q=hip&muscle=biceps%20brachii")]
    [InlineData("q=hip&region=")]
    [InlineData("q=hip&page=1000&pageSize=50")]
    [InlineData("q=hip&page=1&pageSize=1")]
    public async Task Odd_but_valid_input_answers_200(string query)
    {
        var result = await Json("/api/search?" + query);
        Assert.True(result.GetProperty("total").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Array, result.GetProperty("hits").ValueKind);
    }

    [Fact]
    public async Task Very_long_query_is_cut_at_200_characters()
    {
        var result = await Json("/api/search?q=piriformis%20" + string.Concat(Enumerable.Repeat("x", 5000)));
        Assert.Equal(200, result.GetProperty("query").GetString()!.Length);
    }

    [Theory]
    [InlineData("q=hip&page=0", "page")]
    [InlineData("q=hip&page=-3", "page")]
    [InlineData("q=hip&page=two", "page")]
    [InlineData("q=hip&page=1001", "page")]
    [InlineData("q=hip&page=99999999999999999999999", "page")]
    [InlineData("q=hip&pageSize=0", "pageSize")]
    [InlineData("q=hip&pageSize=51", "pageSize")]
    [InlineData("q=hip&pageSize=1e3", "pageSize")]
    [InlineData("q=hip&type=podcast", "type")]
    [InlineData("q=hip&type=chapter&type=TECHNIQUES", "type")]
    [InlineData("q=hip&region=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "region")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string query, string parameter)
    {
        var response = await site.CreateClient().GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("Lucene", body);
    }

    [Fact]
    public async Task Technique_json_has_its_chapter_back_links()
    {
        var technique = await Json("/api/techniques/hip-rotators-longitudinally");
        Assert.Equal("Working the hip rotators longitudinally", technique.GetProperty("name").GetString());
        Assert.Contains("piriformis", technique.GetProperty("muscles").EnumerateArray().Select(m => m.GetString()));
        var chapter = Assert.Single(technique.GetProperty("chapters").EnumerateArray());
        Assert.Equal(960, chapter.GetProperty("start").GetInt32());
        Assert.Equal("/videos/sciatica-myofascial-release?t=960", chapter.GetProperty("url").GetString());
        Assert.Equal("sciatica-myofascial-release", chapter.GetProperty("videoSlug").GetString());

        var list = await Json("/api/techniques");
        Assert.Equal(11, list.GetArrayLength());

        var missing = await site.CreateClient().GetAsync("/api/techniques/no-such-technique");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
