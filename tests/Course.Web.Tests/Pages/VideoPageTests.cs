using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Pages;

[Collection(SeededSiteCollection.Name)]
public sealed partial class VideoPageTests(CourseSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";
    private static readonly int[] SeedStarts = [0, 23, 45, 80, 278, 310, 325, 360, 430, 530, 638, 672, 795, 820, 880, 960, 1104, 1200];

    private async Task<string> Html(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Home_lists_the_seeded_tutorial()
    {
        var html = await Html("/");
        Assert.Contains($"href=\"{VideoPath}\"", html);
        Assert.Contains("Sciatica myofascial release techniques", html);
    }

    [Fact]
    public async Task Video_page_has_player_and_every_chapter_as_a_real_link()
    {
        var html = await Html(VideoPath);
        Assert.Contains("data-start=\"0\"", html);
        Assert.Contains("<video", html);
        Assert.Contains("kind=\"chapters\"", html);
        var starts = ChapterLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        Assert.Equal(SeedStarts, starts);
        Assert.Contains("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost:5177{VideoPath}\">", html);
        Assert.Contains("property=\"og:title\"", html);
        Assert.Contains("property=\"og:video\"", html);
    }

    [Theory]
    [InlineData("?t=323", 323)]
    [InlineData("?t=5m23s", 323)]
    [InlineData("?t=5:23", 323)]
    [InlineData("?t=1h", 1260)]
    [InlineData("?t=99999", 1260)]
    [InlineData("?t=banana", 0)]
    [InlineData("?t=-5", 0)]
    [InlineData("?t=", 0)]
    public async Task Start_time_comes_from_t_in_every_accepted_form(string query, int expected)
    {
        var html = await Html(VideoPath + query);
        Assert.Contains($"data-start=\"{expected}\"", html);
    }

    [Fact]
    public async Task The_chapter_holding_the_start_is_marked_current()
    {
        var html = await Html(VideoPath + "?t=1110");
        var current = Regex.Match(html, "<li class=\"chapter current\" data-chapter-start=\"(\\d+)\"");
        Assert.True(current.Success);
        Assert.Equal("1104", current.Groups[1].Value);
        Assert.Single(Regex.Matches(html, "aria-current=\"true\""));
    }

    [Fact]
    public async Task Chapter_page_starts_at_the_chapter_and_is_its_own_canonical()
    {
        var api = JsonDocument.Parse(await site.CreateClient().GetStringAsync("/api/videos/sciatica-myofascial-release"));
        var pin = api.RootElement.GetProperty("chapters")[16];
        var slug = pin.GetProperty("slug").GetString();
        var html = await Html($"{VideoPath}/chapters/{slug}");
        Assert.Contains("data-start=\"1104\"", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost:5177{VideoPath}/chapters/{slug}\">", html);
        Assert.Contains("Chapter 17", html);
    }

    [Fact]
    public async Task Json_ld_has_a_clip_per_chapter_and_a_seek_action()
    {
        var html = await Html(VideoPath);
        var json = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var video = JsonDocument.Parse(json).RootElement;
        Assert.Equal("VideoObject", video.GetProperty("@type").GetString());
        Assert.Equal("PT21M", video.GetProperty("duration").GetString());
        var clips = video.GetProperty("hasPart").EnumerateArray().ToList();
        Assert.Equal(SeedStarts, clips.Select(c => c.GetProperty("startOffset").GetInt32()));
        Assert.Equal(SeedStarts.Skip(1).Append(1260), clips.Select(c => c.GetProperty("endOffset").GetInt32()));
        Assert.All(clips, c => Assert.Equal("Clip", c.GetProperty("@type").GetString()));
        Assert.Equal("http://localhost:5177/videos/sciatica-myofascial-release?t=1104", clips[16].GetProperty("url").GetString());
        var seek = video.GetProperty("potentialAction");
        Assert.Equal("SeekToAction", seek.GetProperty("@type").GetString());
        Assert.Equal("http://localhost:5177/videos/sciatica-myofascial-release?t={seek_to_second_number}", seek.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Chapters_track_is_webvtt_with_one_cue_per_chapter()
    {
        var response = await site.CreateClient().GetAsync(VideoPath + "/chapters.vtt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType?.MediaType);
        var vtt = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("WEBVTT\n", vtt);
        var cues = Regex.Matches(vtt, @"(\d\d):(\d\d):(\d\d)\.000 --> (\d\d):(\d\d):(\d\d)\.000\n(.+)\n");
        Assert.Equal(18, cues.Count);
        Assert.Equal(SeedStarts, cues.Select(c => Seconds(c, 1)));
        Assert.Equal(1260, Seconds(cues[^1], 4));
        Assert.Equal("Working with the hip in abduction", cues[^1].Groups[7].Value);
    }

    [Theory]
    [InlineData("/videos/no-such-video")]
    [InlineData("/videos/sciatica-myofascial-release/chapters/no-such-chapter")]
    [InlineData("/videos/no-such-video/chapters.vtt")]
    [InlineData("/nothing/here")]
    public async Task Unknown_pages_answer_a_404_page(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Placeholder_video_is_served_with_byte_ranges_so_the_player_can_seek()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/media/sciatica-myofascial-release.webm");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var response = await site.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/webm", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    private static int Seconds(Match cue, int group) =>
        int.Parse(cue.Groups[group].Value) * 3600 + int.Parse(cue.Groups[group + 1].Value) * 60 + int.Parse(cue.Groups[group + 2].Value);

    [GeneratedRegex("class=\"chapter-link\" href=\"/videos/sciatica-myofascial-release\\?t=(\\d+)\" data-seek=\"\\1\"")]
    private static partial Regex ChapterLink();
}
