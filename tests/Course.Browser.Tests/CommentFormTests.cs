using System.Net.Http.Json;
using System.Text.Json;
using Course.Browser.Tests.Browser;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>
/// A viewer posts a comment through the page's form in Chromium and is told it waits for moderation;
/// once an editor approves it, it is on the page with its time as a link that jumps the player.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CommentFormTests(BrowserSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";

    [Fact]
    public async Task A_posted_comment_is_pending_then_shown_with_a_working_time_link_after_approval()
    {
        var page = await site.OpenAsync(VideoPath);
        var form = page.FrameLocator("iframe[name=comment-form]");
        await form.Locator("#author").FillAsync("Browser viewer");
        await form.Locator("#body").FillAsync("The lazy body mechanics at 13:15 saved my back.");
        await form.Locator("#at").FillAsync("13:15");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(form.Locator("p.comment-message")).ToContainTextAsync("Your comment is waiting for moderation");
        await Screenshots.SaveAsync(page, "comment-pending");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("article.comment", new() { HasText = "saved my back" })).ToHaveCountAsync(0);

        using var api = site.Api();
        var pending = await api.GetFromJsonAsync<JsonElement>("/api/manage/comments?state=pending");
        var comment = pending.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("author").GetString() == "Browser viewer");
        var approved = await api.PostAsync($"/api/manage/comments/{comment.GetProperty("id").GetString()}/approve", null);
        approved.EnsureSuccessStatusCode();

        await page.ReloadAsync();
        var shown = page.Locator("article.comment", new() { HasText = "saved my back" });
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("li.chapter[data-chapter-start=\"795\"] .chapter-comments")).ToHaveTextAsync("1 comment");

        var watch = new WatchPage(page);
        await watch.ExpectSeekAsync();
        await shown.Locator(".comment-body a[data-seek=\"795\"]").ClickAsync();
        Assert.InRange(await watch.SeekedAsync(), 794, 796);
        await Screenshots.SaveAsync(page, "comment-approved");
    }
}
