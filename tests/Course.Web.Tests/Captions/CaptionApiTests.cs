using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Captions;

/// <summary>Captions through the editor API: a round trip, every problem at its line, nothing stored from a bad file, draft then publish.</summary>
public sealed class CaptionApiTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string Srt = """
        1
        00:00:01,000 --> 00:00:04,000
        Find the <i>piriformis</i> first.

        2
        00:00:04,500 --> 00:00:09,250
        Then pin and stretch
        the external hip rotators.

        """;

    private const string Chapters = "Hip rotators, captioned.\n0:00 Start\n0:20 Middle\n0:40 End";

    private static ByteArrayContent File(string text, string mediaType) => File(Encoding.UTF8.GetBytes(text), mediaType);

    private static ByteArrayContent File(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    [Fact]
    public async Task A_subrip_file_is_stored_as_webvtt_kept_in_the_draft_until_published_and_removed()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Captioned hip rotators", Chapters, duration: 60);

        var put = await api.PutAsync($"/api/manage/videos/{slug}/captions/en-gb?label=English (UK)", File(Srt, "application/x-subrip"));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var track = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("en-GB", "English (UK)", 2), (track.GetProperty("language").GetString(), track.GetProperty("label").GetString(), track.GetProperty("cues").GetInt32()));

        const string Normalised = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFind the <i>piriformis</i> first.\n\n00:00:04.500 --> 00:00:09.250\nThen pin and stretch\nthe external hip rotators.\n";
        var draft = await api.GetAsync($"/api/manage/videos/{slug}/captions/en-GB");
        Assert.Equal("text/vtt", draft.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Normalised, await draft.Content.ReadAsStringAsync());

        // A draft's captions are not public; publishing makes them so, with a track in the player and the transcript.
        var site = editors.Site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/videos/{slug}/captions/en-GB.vtt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/manage/videos/{slug}/publish", null)).StatusCode);
        var served = await site.GetAsync($"/videos/{slug}/captions/en-GB.vtt");
        Assert.Equal("text/vtt", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Normalised, await served.Content.ReadAsStringAsync());
        var json = await site.GetFromJsonAsync<JsonElement>($"/api/videos/{slug}");
        Assert.Equal($"/videos/{slug}/captions/en-GB.vtt", json.GetProperty("captions")[0].GetProperty("url").GetString());

        // A later upload replaces the track in that language and keeps its label.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/manage/videos/{slug}/captions/en-GB",
            File("WEBVTT\n\n00:02.000 --> 00:03.000\nOnly this.\n", "text/vtt"))).StatusCode);
        var video = await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}");
        var captions = Assert.Single(video.GetProperty("captions").EnumerateArray());
        Assert.Equal(("English (UK)", 1), (captions.GetProperty("label").GetString(), captions.GetProperty("cues").GetInt32()));
        // Published, the change waits: visitors keep the published captions.
        Assert.Equal(Normalised, await site.GetStringAsync($"/videos/{slug}/captions/en-GB.vtt"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/manage/videos/{slug}/captions/en-gb")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en-GB")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/manage/videos/{slug}/captions/en-GB")).StatusCode);
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_every_problem_at_its_line_and_stores_nothing()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Badly captioned", Chapters, duration: 60);
        var versions = (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength();
        var bad = Encoding.UTF8.GetBytes("WEBVTT\n\n00:05.000 --> 00:04.000\nOne\n\n00:01.000 --> 01:12.000\nTwo\n\nThree\n\n01:13.000 --> 01:14.000\n")
            .Concat(Encoding.Latin1.GetBytes("Caf\u00e9\n")).ToArray();

        var refused = await api.PutAsync($"/api/manage/videos/{slug}/captions/en", File(bad, "text/vtt"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("captions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(
        [
            "line 3: the cue ends at 00:00:04.000, not after its start at 00:00:05.000",
            "line 6: the cue starts at 00:00:01.000, before the cue above it (line 3) at 00:00:05.000: cues go in time order",
            "line 6: the cue ends at 00:01:12.000, after the end of the video at 1:00",
            "line 9: 'Three' is not a cue timing line (00:00:01.000 --> 00:00:04.000) and no timing line follows it",
            "line 11: the cue ends at 00:01:14.000, after the end of the video at 1:00",
            "line 12: is not UTF-8 text (byte 0xE9 at column 4): save the file with UTF-8 encoding",
        ], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en")).StatusCode);
        Assert.Equal(versions, (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Caption_changes_take_if_match_with_the_videos_version_and_a_stale_one_changes_nothing()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Captions over a version", Chapters, duration: 60);
        var start = (await api.GetAsync($"/api/manage/videos/{slug}")).Headers.ETag!.Tag;

        var put = await Send(HttpMethod.Put, $"/api/manage/videos/{slug}/captions/en", start, File(Srt, "application/x-subrip"));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var saved = put.Headers.ETag!.Tag;
        Assert.NotEqual(start, saved);
        Assert.Equal(saved, $"\"{(await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32()}\"");
        Assert.Equal(saved, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en")).Headers.ETag?.Tag);

        // Someone saved captions since the version this client saw: its upload and its delete are refused, nothing changes.
        var versions = (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength();
        foreach (var (method, content) in new[] { (HttpMethod.Put, File("WEBVTT\n\n00:02.000 --> 00:03.000\nLost?\n", "text/vtt")), (HttpMethod.Delete, null) })
        {
            var stale = await Send(method, $"/api/manage/videos/{slug}/captions/en", start, content);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"the stored version is {saved.Trim('"')}",
                (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("version")[0].GetString());
        }
        Assert.StartsWith("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFind the", await api.GetStringAsync($"/api/manage/videos/{slug}/captions/en"));
        Assert.Equal(versions, (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/manage/videos/{slug}/captions/en", saved, null)).StatusCode);

        async Task<HttpResponseMessage> Send(HttpMethod method, string path, string ifMatch, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await api.SendAsync(request);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    public async Task Other_media_types_are_415(string mediaType)
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync($"Captions as {mediaType.Replace('/', ' ')}", Chapters);
        var refused = await api.PutAsync($"/api/manage/videos/{slug}/captions/en", File("WEBVTT\n", mediaType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_language_tag_is_named_and_unknown_videos_are_404()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Captions in no language", Chapters);
        var refused = await api.PutAsync($"/api/manage/videos/{slug}/captions/english", File("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "text/vtt"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lang", out _));
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.PutAsync("/api/manage/videos/no-such-video/captions/en", File("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "text/vtt"))).StatusCode);
    }

    [Fact]
    public async Task Captions_are_the_editors_own()
    {
        var anonymous = editors.Site.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PutAsync("/api/manage/videos/sciatica-myofascial-release/captions/en", File("WEBVTT\n", "text/vtt"))).StatusCode);
    }

    [Fact]
    public async Task Restoring_an_earlier_version_brings_back_its_captions()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Captions restored", Chapters, duration: 60);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/manage/videos/{slug}/captions/fr?label=Français", File(Srt, "application/x-subrip"))).StatusCode);
        var withCaptions = (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions"))[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/manage/videos/{slug}/captions/fr")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/manage/videos/{slug}/versions/{withCaptions}/restore", null)).StatusCode);

        Assert.StartsWith("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFind the", await api.GetStringAsync($"/api/manage/videos/{slug}/captions/fr"));
    }
}
