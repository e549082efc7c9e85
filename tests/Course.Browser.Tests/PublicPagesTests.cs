using Course.Browser.Tests.Browser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>
/// Every public page, in Chromium: axe-core finds no violation (with <c>target-size</c>, which Lighthouse checks and axe
/// runs only when asked, on a desktop and on a phone), and on a 390 px phone nothing is wider than the screen, the chapter list is part of the page, and the comment form's button is reached by
/// scrolling the page (the frame fits its form).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";

    public static TheoryData<string, string> Pages => new()
    {
        { "/", "home" },
        { VideoPath, "video" },
        { VideoPath + "/chapters/pin-and-stretch-for-the-external-hip-rotators-gluteus-maximus-piriformis-etc", "chapter" },
        { "/techniques", "techniques" },
        { "/techniques/gluteal-landmarks", "technique" },
        { "/search?q=piriformis", "search" },
        { VideoPath + "/comment", "comment-form" },
        { "/no-such-page", "not-found" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_violation_nor_small_target_on_desktop_or_phone_and_nothing_is_wider_than_a_phone(string path, string name)
    {
        var page = await site.OpenAsync(path);
        await LoadLazyFramesAsync(page);
        var results = await page.RunAxe(new AxeRunOptions { Rules = new() { ["target-size"] = new RuleOptions { Enabled = true } } });
        // The one known gap: the seeded placeholder video has no caption track yet (issue 13 adds captions).
        // video-caption is allowed only while the page's <video> really has none; every other rule counts.
        var hasCaptions = await page.EvaluateAsync<bool>("() => !!document.querySelector('video track[kind=captions], video track[kind=subtitles]')");
        var violations = results.Violations.Where(v => !(v.Id == "video-caption" && !hasCaptions)).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        await Screenshots.SaveAsync(page, $"desktop-{name}");
        await page.Context.CloseAsync();

        var phone = await site.OpenAsync(path, width: 390, height: 844);
        await LoadLazyFramesAsync(phone);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await Screenshots.SaveAsync(phone, $"phone-{name}");
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px screen");
        var small = await phone.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size"] } });
        Assert.True(small.Violations.Length == 0, $"{path} on a phone, targets too small: "
            + string.Join(", ", small.Violations.SelectMany(v => v.Nodes).Select(n => n.Target?.ToString())));
        await phone.Context.CloseAsync();
    }

    /// <summary>
    /// Scrolls every lazy frame (the comment form) into view and waits for it: axe checks inside frames, and waits
    /// without end for one that never loads because it is below the fold.
    /// </summary>
    private static async Task LoadLazyFramesAsync(IPage page)
    {
        foreach (var frame in await page.Locator("iframe[loading=lazy]").AllAsync()) await frame.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('iframe[loading=lazy]')].every(f => f.contentDocument?.readyState === 'complete')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
    }

    [Fact]
    public async Task On_a_phone_the_chapter_list_is_no_scroll_box_and_post_comment_is_reached_by_scrolling_the_page()
    {
        var page = await site.OpenAsync(VideoPath, width: 390, height: 844);
        var chapters = page.Locator("nav.chapters");
        Assert.True(await chapters.EvaluateAsync<bool>("n => n.scrollHeight <= n.clientHeight + 1"), "the chapter list scrolls inside the page");

        var frame = page.Locator("iframe.comment-form-frame");
        await frame.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const f = document.querySelector('iframe.comment-form-frame'); return f.contentDocument?.readyState === 'complete' && f.contentDocument.querySelector('button[type=submit]'); }");
        // The frame fits its form: nothing to scroll inside it.
        Assert.True(await frame.EvaluateAsync<bool>("f => { const d = f.contentDocument.documentElement; return d.scrollHeight <= f.clientHeight + 1; }"),
            "the comment form is taller than its frame");
        await page.EvaluateAsync("() => document.querySelector('iframe.comment-form-frame').scrollIntoView({ block: 'end' })");
        var button = page.FrameLocator("iframe.comment-form-frame").GetByRole(AriaRole.Button, new() { Name = "Post comment" });
        var box = await button.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y, 0, 844 - box.Height);
        Assert.InRange(box.X, 0, 390 - box.Width);
        await Screenshots.SaveAsync(page, "phone-comment-form");
    }

    [Fact]
    public async Task Filters_are_folded_on_a_phone_and_open_on_a_desktop()
    {
        var phone = await site.OpenAsync("/techniques", width: 390, height: 844);
        var facet = phone.Locator(".filters a").First;
        await Assertions.Expect(facet).ToBeHiddenAsync();
        await phone.Locator(".filters summary").ClickAsync();
        await Assertions.Expect(facet).ToBeVisibleAsync();

        var desktop = await site.OpenAsync("/techniques");
        await Assertions.Expect(desktop.Locator(".filters a").First).ToBeVisibleAsync();
    }
}
