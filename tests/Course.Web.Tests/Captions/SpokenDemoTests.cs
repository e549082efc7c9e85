using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Captions;

/// <summary>
/// A fresh site seeded from uSync/: the spoken demonstration is published with its English captions, so a learner
/// searching a sentence said in it lands at that second, and the page, transcript and structured data carry them.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class SpokenDemoTests(CourseSite site)
{
    private const string DemoPath = "/videos/sciatica-approach-read-aloud";

    [Fact]
    public async Task Searching_a_sentence_said_in_the_video_lands_at_its_second_in_its_chapter()
    {
        var results = await site.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("tolerate pressure when delivered in this way"));

        var hit = results.GetProperty("hits")[0];
        Assert.Equal("transcript", hit.GetProperty("type").GetString());
        Assert.Equal($"{DemoPath}?t=58", hit.GetProperty("url").GetString());
        Assert.Equal(58, hit.GetProperty("start").GetInt32());
        Assert.Equal("At 0:58, in A kinder approach to sensitivity", hit.GetProperty("title").GetString());
        Assert.Contains("<mark>tolerate</mark> <mark>pressure</mark>", hit.GetProperty("snippet").GetString());
        Assert.True(results.GetProperty("facets").GetProperty("type").GetProperty("transcript").GetInt32() > 0);

        var onlyTranscripts = await site.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=asking%20about%20the%20hips&type=transcript");
        Assert.All(onlyTranscripts.GetProperty("hits").EnumerateArray(), h => Assert.Equal("transcript", h.GetProperty("type").GetString()));
        Assert.Equal($"{DemoPath}?t=21", onlyTranscripts.GetProperty("hits")[0].GetProperty("url").GetString());

        var page = await site.CreateClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("\"descending soft tissue\""));
        Assert.Contains($"href=\"{DemoPath}?t=92\"", page);
        Assert.Contains("At 1:32, in Angles, not knots", page);
    }

    [Fact]
    public async Task The_video_page_carries_a_caption_track_the_transcript_and_structured_data()
    {
        var html = await site.CreateClient().GetStringAsync(DemoPath);

        Assert.Contains($"<track kind=\"captions\" label=\"English\" srclang=\"en\" src=\"{DemoPath}/captions/en.vtt\">", html);
        // Without script, each line is a ?t= link to the second it starts in.
        Assert.Contains($"<a class=\"cue\" href=\"{DemoPath}?t=58\" data-cue-start=\"58.442\" data-cue-end=\"63.951\">Many clients with hypersensitivity will be able to tolerate pressure when delivered in this way.</a>", html);
        Assert.Equal(26, CueLinks().Matches(html).Count);
        Assert.Contains("<h3 class=\"transcript-chapter\"><a href=\"" + DemoPath + "?t=38\">A kinder approach to sensitivity</a></h3>", html);

        var jsonLd = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value).RootElement;
        Assert.StartsWith("Do you have massage clients with low back/hip pain", jsonLd.GetProperty("transcript").GetString());
        var caption = jsonLd.GetProperty("caption")[0];
        Assert.Equal(("MediaObject", "en", "text/vtt"), (caption.GetProperty("@type").GetString(), caption.GetProperty("inLanguage").GetString(), caption.GetProperty("encodingFormat").GetString()));
        Assert.EndsWith($"{DemoPath}/captions/en.vtt", caption.GetProperty("contentUrl").GetString());
    }

    [Fact]
    public async Task The_track_is_served_normalised_and_the_transcript_has_a_page()
    {
        var track = await site.CreateClient().GetAsync($"{DemoPath}/captions/en.vtt");
        Assert.Equal("text/vtt", track.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "tools", "spoken-demo", "spoken-demo.en.vtt")), await track.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"{DemoPath}/captions/fr.vtt")).StatusCode);

        var transcript = await site.CreateClient().GetStringAsync($"{DemoPath}/transcript");
        Assert.Contains("<h1>Transcript: Sciatica myofascial release: the approach, read aloud</h1>", transcript);
        Assert.Contains($"href=\"{DemoPath}?t=104\"", transcript);
        // The uncaptioned tutorial has no transcript page.
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync("/videos/sciatica-myofascial-release/transcript")).StatusCode);
    }

    [GeneratedRegex("<a class=\"cue\" href=")]
    private static partial Regex CueLinks();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
