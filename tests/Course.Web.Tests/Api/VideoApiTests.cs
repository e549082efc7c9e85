using System.Net;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Api;

[Collection(SeededSiteCollection.Name)]
public sealed class VideoApiTests(CourseSite site)
{
    [Fact]
    public async Task Video_json_has_the_contract_shape()
    {
        var response = await site.CreateClient().GetAsync("/api/videos/sciatica-myofascial-release");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var video = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("sciatica-myofascial-release", video.GetProperty("slug").GetString());
        Assert.Equal(1260, video.GetProperty("duration").GetInt32());
        var chapters = video.GetProperty("chapters").EnumerateArray().ToList();
        Assert.Equal(18, chapters.Count);
        var pin = chapters[16];
        Assert.Equal(16, pin.GetProperty("index").GetInt32());
        Assert.Equal("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", pin.GetProperty("title").GetString());
        Assert.Equal(1104, pin.GetProperty("start").GetInt32());
        Assert.Equal(1200, pin.GetProperty("end").GetInt32());
        Assert.Equal("/videos/sciatica-myofascial-release?t=1104", pin.GetProperty("url").GetString());
        var technique = pin.GetProperty("techniques")[0];
        Assert.False(string.IsNullOrEmpty(technique.GetProperty("slug").GetString()));
        Assert.False(string.IsNullOrEmpty(technique.GetProperty("name").GetString()));
        Assert.Equal(1260, chapters[^1].GetProperty("end").GetInt32());
        Assert.Equal("Introduction", chapters[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Video_list_holds_the_published_videos()
    {
        var videos = JsonDocument.Parse(await site.CreateClient().GetStringAsync("/api/videos")).RootElement;
        Assert.Equal(JsonValueKind.Array, videos.ValueKind);
        Assert.Contains(videos.EnumerateArray(), v => v.GetProperty("slug").GetString() == "sciatica-myofascial-release");
    }

    [Theory]
    [InlineData("/api/videos/no-such-video")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Unknown_api_addresses_answer_problem_details(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        var client = site.CreateClient();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/videos/{slug}", out _));
    }
}
