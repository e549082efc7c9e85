using Course.Browser.Tests.Browser;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>An editor in Chromium: signs in, pastes a description, sees the line error live, fixes it, links a technique, publishes, finds it on the site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BackofficeFlowTests(BrowserSite site)
{
    private Task<IPage> SignInAsync() => SignInAsync(site);

    /// <summary>A page signed in to the backoffice as the seeded editor.</summary>
    internal static async Task<IPage> SignInAsync(BrowserSite site)
    {
        var page = await site.OpenAsync("/backoffice");
        await page.WaitForURLAsync("**/backoffice/login**");
        await page.GetByLabel("Email").FillAsync(BrowserSite.EditorEmail);
        await page.GetByLabel("Password").FillAsync(BrowserSite.EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice");
        return page;
    }

    [Fact]
    public async Task An_uploaded_video_gets_a_poster_and_chapter_pictures_drawn_in_the_editors_browser()
    {
        var page = await SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New video" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Uploaded with pictures");
        await page.GetByLabel("or upload a video file").SetInputFilesAsync(
            Path.Combine(Course.Web.Tests.Site.Repository.Root, "src/Course.Web/wwwroot/media/sciatica-myofascial-release.webm"));
        await page.GetByLabel("Duration in seconds").FillAsync("1260");
        await page.Locator("[data-preview-description]").FillAsync("Uploaded.\n\n0:00 Start\n5:10 Undraping\n9:40 Hip rotators");
        await Assertions.Expect(page.Locator("#chapter-preview .preview-chapters li")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice/videos/edit/uploaded-with-pictures");

        using var http = site.Api();
        foreach (var picture in new[] { "poster.jpg", "chapter-0.jpg", "chapter-310.jpg", "chapter-580.jpg" })
        {
            var response = await http.GetAsync($"/media/uploaded-with-pictures.pictures/{picture}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(bytes is [0xFF, 0xD8, 0xFF, ..], $"{picture} is not a JPEG");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GotoAsync("/videos/uploaded-with-pictures");
        await Assertions.Expect(page.Locator("video")).ToHaveAttributeAsync("poster", "/media/uploaded-with-pictures.pictures/poster.jpg");
        await Assertions.Expect(page.Locator("li.chapter[data-chapter-start=\"310\"] img.chapter-thumbnail")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_editor_publishes_a_video_whose_description_had_a_line_error()
    {
        var page = await SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New video" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Hip rotators in the browser");
        await page.GetByLabel("YouTube or Vimeo address").FillAsync("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        await page.GetByLabel("Duration in seconds").FillAsync("480");
        var description = page.Locator("[data-preview-description]");
        await description.FillAsync("Hip rotators.\n\n0:00 Welcome\n7:7 Finding the piriformis\n2:30 Pin and stretch\n6:10 Recap");

        // The live preview (no save yet) shows the error at its line.
        var error = page.Locator("#chapter-preview .problem.error");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-line", "4");
        await Assertions.Expect(error).ToContainTextAsync("'7:7' is not a timestamp");
        await Screenshots.SaveAsync(page, "backoffice-line-error");

        await description.FillAsync("Hip rotators.\n\n0:00 Welcome\n1:10 Finding the piriformis\n2:30 Pin and stretch\n6:10 Recap");
        await Assertions.Expect(page.Locator("#chapter-preview .problem.error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#chapter-preview .preview-chapters li")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice/videos/edit/hip-rotators-in-the-browser");

        await page.GetByLabel("Techniques of Pin and stretch").SelectOptionAsync(["pin-and-stretch-external-hip-rotators"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save chapters" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Chapters saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Published.");
        await Screenshots.SaveAsync(page, "backoffice-published");

        await page.GotoAsync("/videos/hip-rotators-in-the-browser");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hip rotators in the browser");
        await Assertions.Expect(page.Locator(".chapter-techniques a[href='/techniques/pin-and-stretch-external-hip-rotators']")).ToHaveCountAsync(1);
    }
}
