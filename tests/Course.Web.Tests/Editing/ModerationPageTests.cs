using System.Net;
using System.Net.Http.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>The backoffice's moderation queue: a pending comment is listed, approved by a form post, and then shown on the video.</summary>
public sealed class ModerationPageTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string Queue = "/backoffice/comments";

    [Fact]
    public async Task A_pending_comment_is_approved_from_the_queue()
    {
        var posted = await editors.Site.CreateClient().PostAsJsonAsync("/api/videos/sciatica-myofascial-release/comments",
            new { author = "Dana", body = "The pin at 18:30 <b>helped</b>", at = 1110 });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        var browser = await editors.SignedInAsync();
        var queue = await browser.GetStringAsync(Queue);
        Assert.Contains($"<tr data-key=\"{id}\">", queue);
        Assert.Contains("The pin at 18:30 &lt;b&gt;helped&lt;/b&gt;", queue);
        Assert.Contains("18:30", queue);

        var approved = await EditorSite.PostFormAsync(browser, Queue, $"{Queue}?handler=Approve&key={id}&state=Pending", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.DoesNotContain(id!, await browser.GetStringAsync(Queue));
        Assert.Contains(id!, await browser.GetStringAsync(Queue + "?state=Approved"));
        Assert.Contains($"comment-{id}", await editors.Site.CreateClient().GetStringAsync("/videos/sciatica-myofascial-release"));
    }

    [Fact]
    public async Task The_queue_needs_a_signed_in_editor_and_an_antiforgery_token()
    {
        var anonymous = editors.Browser();
        var page = await anonymous.GetAsync(Queue);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/backoffice/login", page.Headers.Location!.AbsolutePath);

        var browser = await editors.SignedInAsync();
        var forged = await browser.PostAsync($"{Queue}?handler=Delete&key={Guid.NewGuid()}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
