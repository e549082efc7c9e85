using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Captions;

/// <summary>
/// Captions in the backoffice without script: pasted or uploaded, checked by the same rules as the editor API,
/// each problem shown beside its line with nothing stored, removed over the version the page showed.
/// </summary>
public sealed class CaptionFormTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string Chapters = "Captions from the backoffice.\n0:00 Start\n0:20 Middle\n0:40 End";

    private const string Srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nFind the <i>piriformis</i> first.\r\n\r\n2\r\n00:00:04,500 --> 00:00:09,250\r\nThen pin and stretch.\r\n";

    [Fact]
    public async Task A_pasted_file_with_problems_is_shown_at_its_lines_and_stores_nothing_then_an_upload_is_saved_and_removed()
    {
        var api = editors.Api();
        var slug = await editors.CreateVideoAsync("Captioned in the backoffice", Chapters, duration: 60);
        var browser = await editors.SignedInAsync();
        var edit = $"/backoffice/videos/edit/{slug}";
        var versions = (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength();

        const string Broken = "WEBVTT\n\n00:05.000 --> 00:04.000\nOne\n\n00:10.000 --> 01:12.000\nTwo\n";
        var refused = await EditorSite.PostMultipartAsync(browser, edit, edit + "?handler=Captions", new() { ["Caption.Language"] = "en", ["Caption.Text"] = Broken });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        var problems = Regex.Matches(page, "<li class=\"problem error\" data-line=\"(\\d+)\">\\s*<span class=\"line-number\">line \\d+</span>\\s*<code class=\"line-text\">([^<]*)</code>\\s*<span class=\"message\">([^<]*)</span>")
            .Select(m => (Line: m.Groups[1].Value, Text: m.Groups[2].Value, Message: m.Groups[3].Value)).ToList();
        Assert.Equal(
        [
            ("3", "00:05.000 --&gt; 00:04.000", "the cue ends at 00:00:04.000, not after its start at 00:00:05.000"),
            ("6", "00:10.000 --&gt; 01:12.000", "the cue ends at 00:01:12.000, after the end of the video at 1:00"),
        ], problems);
        Assert.Contains("Nothing was saved.", page);
        Assert.Equal(Broken, WebUtility.HtmlDecode(Regex.Match(page, "<textarea[^>]*Caption_Text[^>]*>\n?([^<]*)</textarea>").Groups[1].Value));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en")).StatusCode);
        Assert.Equal(versions, (await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}/versions")).GetArrayLength());

        // A bad language tag is named beside its field, and nothing is stored either.
        var badTag = await EditorSite.PostMultipartAsync(browser, edit, edit + "?handler=Captions", new() { ["Caption.Language"] = "english" },
            ("CaptionFile", "talk.srt", Encoding.UTF8.GetBytes(Srt)));
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        Assert.Contains("&#x27;english&#x27; is not a BCP 47 language tag", await badTag.Content.ReadAsStringAsync());

        var saved = await EditorSite.PostMultipartAsync(browser, edit, edit + "?handler=Captions",
            new() { ["Caption.Language"] = "en-gb", ["Caption.Label"] = "English (UK)" }, ("CaptionFile", "talk.srt", Encoding.UTF8.GetBytes(Srt)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFind the <i>piriformis</i> first.\n\n00:00:04.500 --> 00:00:09.250\nThen pin and stretch.\n",
            await api.GetStringAsync($"/api/manage/videos/{slug}/captions/en-GB"));
        var listed = await browser.GetStringAsync(edit);
        Assert.Contains("<tr data-caption=\"en-GB\">", listed);
        Assert.Contains("<td>English (UK)</td>", listed);

        // Removing over a version someone else has saved since is refused; over the stored one it works.
        var video = await api.GetFromJsonAsync<JsonElement>($"/api/manage/videos/{slug}");
        var stored = video.GetProperty("version").GetInt32();
        var stale = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=RemoveCaptions", new() { ["BaseVersion"] = $"{stored - 1}", ["language"] = "en-GB" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this video meanwhile", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en-GB")).StatusCode);

        var removed = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=RemoveCaptions", new() { ["BaseVersion"] = $"{stored}", ["language"] = "en-GB" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/manage/videos/{slug}/captions/en-GB")).StatusCode);
    }

    [Fact]
    public async Task The_caption_form_is_refused_without_its_antiforgery_token()
    {
        var slug = await editors.CreateVideoAsync("Forged captions", Chapters, duration: 60);
        var browser = await editors.SignedInAsync();

        var forged = await browser.PostAsync($"/backoffice/videos/edit/{slug}?handler=Captions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Caption.Language"] = "en", ["Caption.Text"] = "WEBVTT\n\n00:01.000 --> 00:02.000\nForged.\n",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Api().GetAsync($"/api/manage/videos/{slug}/captions/en")).StatusCode);
    }
}
