using System.Net;
using System.Text;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>Control characters and broken text in editors' input: a 400 naming the field, never a 500 and never a half-saved item.</summary>
public sealed class HostileEditorInputTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string Source = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    public static TheoryData<string, string, string, string> HostileInputs => new()
    {
        { "POST", "/api/manage/videos", $$"""{"title": "Bell\u0007", "source": "{{Source}}", "duration": 300, "description": "0:00 Intro\n1:00 Next\n2:00 Last"}""", "title" },
        { "POST", "/api/manage/videos", $$"""{"title": "\u200b", "slug": "blank", "source": "{{Source}}", "duration": 300, "description": "0:00 Intro\n1:00 Next\n2:00 Last"}""", "title" },
        { "POST", "/api/manage/videos", $$"""{"title": "Fine", "source": "{{Source}}", "duration": 300, "description": "0:00 Intro\n1:00 Ne\u0000xt\n2:00 Last"}""", "description" },
        { "POST", "/api/manage/videos", $$"""{"title": "Fine", "source": "{{Source}}\u0000", "duration": 300, "description": "0:00 Intro\n1:00 Next\n2:00 Last"}""", "source" },
        { "POST", "/api/manage/techniques", """{"name": "Good name", "body": "a\u0000b"}""", "body" },
        { "POST", "/api/manage/techniques", """{"name": "Good name", "summary": "half \ud83d pair"}""", "summary" },
        { "POST", "/api/manage/techniques", """{"name": "\u202eeman"}""", "name" },
        { "POST", "/api/manage/techniques", """{"name": "Good name", "muscles": ["piri\u001bformis"]}""", "muscles[0]" },
        { "PUT", "/api/manage/techniques/pin-and-stretch-external-hip-rotators", """{"name": "Pin\u0000"}""", "name" },
        { "PATCH", "/api/manage/videos/sciatica-myofascial-release/chapters", """[{"index": 1, "notes": "see\u0000"}]""", "chapters[0].notes" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Control_characters_are_refused_with_400_naming_the_field(string method, string path, string json, string field)
    {
        var before = await editors.Api().GetStringAsync(path.StartsWith("/api/manage/techniques") ? "/api/manage/techniques" : "/api/manage/videos");
        var response = await editors.Api().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await editors.Api().GetStringAsync(path.StartsWith("/api/manage/techniques") ? "/api/manage/techniques" : "/api/manage/videos"));
    }

    [Fact]
    public async Task The_backoffice_technique_form_refuses_a_control_character_naming_the_field()
    {
        var browser = await editors.SignedInAsync();
        const string page = "/backoffice/techniques/edit";
        var response = await EditorSite.PostFormAsync(browser, page, page + "?handler=Save", new()
        {
            ["Form.Name"] = "Thumb\u0001glide",
            ["Form.Body"] = "Ok",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("It contains the control character U+0001 at character 6.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        // A NUL in a form is refused before the page sees it; nothing is stored either way.
        var nul = await EditorSite.PostFormAsync(browser, page, page + "?handler=Save", new() { ["Form.Name"] = "Thumb\0glide" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.DoesNotContain("\"slug\":\"thumb", await editors.Api().GetStringAsync("/api/manage/techniques"));
    }
}
