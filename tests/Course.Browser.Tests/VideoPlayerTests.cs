using Course.Browser.Tests.Browser;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>
/// The tutorial's page in a real Chromium: chapter links jump the HTML5 player in place, the current
/// chapter follows the playback, and the address always opens at the chapter being watched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VideoPlayerTests(BrowserSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";
    private const string PinAndStretch = "Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)";
    private const string PinAndStretchSlug = "pin-and-stretch-for-the-external-hip-rotators-gluteus-maximus-piriformis-etc";

    private async Task<WatchPage> OpenAsync(string path) => new(await site.OpenAsync(path));

    private static async Task AssertCurrentChapterAsync(WatchPage watch, int start, string title)
    {
        Assert.Equal(1, await watch.CurrentChapters.CountAsync());
        var current = watch.Chapter(start);
        Assert.Contains("current", await current.GetAttributeAsync("class") ?? "");
        Assert.Contains(title, await current.InnerTextAsync());
        Assert.Equal("true", await current.Locator("a.chapter-link").GetAttributeAsync("aria-current"));
        Assert.True(await watch.CurrentChapterInSightAsync(), "the current chapter is scrolled out of the chapter list");
    }

    [Fact]
    public async Task Clicking_a_chapter_jumps_the_player_in_place_and_marks_it_current()
    {
        var watch = await OpenAsync(VideoPath);
        await watch.Page.EvaluateAsync("() => { window.__marker = 'still this page'; }");
        await watch.ExpectSeekAsync();

        await watch.ChapterLink(PinAndStretch).ClickAsync();

        // Read in the seeked handler: the click also starts playback, so later readings run on.
        Assert.InRange(await watch.SeekedAsync(), 1103, 1105);
        await AssertCurrentChapterAsync(watch, 1104, PinAndStretch);
        Assert.EndsWith(VideoPath + "?t=1104", await watch.AddressAsync());
        Assert.Equal("still this page", await watch.Page.EvaluateAsync<string?>("() => window.__marker ?? null"));
        await Screenshots.SaveAsync(watch.Page, "video-after-chapter-click");
    }

    [Fact]
    public async Task The_address_after_a_click_opens_at_that_chapter_in_another_tab()
    {
        var watch = await OpenAsync(VideoPath);
        await watch.ExpectSeekAsync();
        await watch.ChapterLink(PinAndStretch).ClickAsync();
        await watch.SeekedAsync();

        var shared = await OpenAsync(await watch.AddressAsync());
        await shared.SettledAsync();

        Assert.InRange(await shared.CurrentTimeAsync(), 1103, 1105);
        await AssertCurrentChapterAsync(shared, 1104, PinAndStretch);
    }

    [Fact]
    public async Task Opening_a_time_link_starts_there_with_its_chapter_current()
    {
        var watch = await OpenAsync(VideoPath + "?t=310");
        await watch.SettledAsync();

        Assert.InRange(await watch.CurrentTimeAsync(), 309, 311);
        await AssertCurrentChapterAsync(watch, 310, "Undraping the hip");
        Assert.Contains("5:10", await watch.Chapter(310).InnerTextAsync());
        await Screenshots.SaveAsync(watch.Page, "video-at-t-310");
    }

    [Fact]
    public async Task Playback_across_a_boundary_moves_the_current_chapter_and_the_address()
    {
        var watch = await OpenAsync(VideoPath);
        await watch.SettledAsync();
        await AssertCurrentChapterAsync(watch, 0, "Introduction");

        // As a viewer would with the player's own controls: drag to 19:58 and press play.
        await watch.Page.EvaluateAsync("async () => { const v = document.querySelector('video'); v.muted = true; v.currentTime = 1198; await v.play(); }");
        await watch.Page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 1200.5");

        await AssertCurrentChapterAsync(watch, 1200, "Working with the hip in abduction");
        Assert.EndsWith(VideoPath + "?t=1200", await watch.AddressAsync());
        await Screenshots.SaveAsync(watch.Page, "video-after-boundary");
    }

    [Fact]
    public async Task A_chapter_page_starts_at_its_chapter()
    {
        var watch = await OpenAsync($"{VideoPath}/chapters/{PinAndStretchSlug}");
        await watch.SettledAsync();

        Assert.InRange(await watch.CurrentTimeAsync(), 1103, 1105);
        await AssertCurrentChapterAsync(watch, 1104, PinAndStretch);
        await Screenshots.SaveAsync(watch.Page, "chapter-page");
    }

    [Fact]
    public async Task The_chapters_track_loads_every_chapter_as_a_cue()
    {
        var watch = await OpenAsync(VideoPath);
        // A default chapters track is loaded (mode "hidden") without being shown: wait for LOADED.
        await watch.Page.WaitForFunctionAsync("() => document.querySelector('track').readyState === 2");

        var cues = await watch.Page.EvaluateAsync<CueView[]>(
            "() => [...document.querySelector('track').track.cues].map(c => ({ start: c.startTime, text: c.text }))");

        Assert.Equal(18, cues.Length);
        Assert.Equal(1104, cues[16].Start);
        Assert.Equal(PinAndStretch, cues[16].Text);
        Assert.Equal(1200, cues[17].Start);
    }

    /// <summary>Playwright fills results through setters.</summary>
    public sealed class CueView
    {
        public double Start { get; set; }
        public string Text { get; set; } = "";
    }
}
