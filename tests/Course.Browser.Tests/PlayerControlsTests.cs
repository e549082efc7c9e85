using Course.Browser.Tests.Browser;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>
/// The HTML5 player's own controls on the tutorial's page in Chromium: the seek bar's chapter markers,
/// keyboard shortcuts, speed, practice loops, resume and watched chapters.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlayerControlsTests(BrowserSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";
    private const string PinAndStretch = "Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)";

    private async Task<WatchPage> OpenAsync(string path)
    {
        var watch = new WatchPage(await site.OpenAsync(path));
        await watch.SettledAsync();
        return watch;
    }

    [Fact]
    public async Task The_seek_bar_has_a_tick_at_every_chapter_start_showing_its_title_under_the_pointer_and_on_keyboard_focus()
    {
        var watch = await OpenAsync(VideoPath);
        var page = watch.Page;

        var chapterStarts = await page.Locator("li.chapter").EvaluateAllAsync<int[]>("items => items.map(li => Number(li.dataset.chapterStart))");
        var markerStarts = await page.Locator("[data-player] .seek-marker").EvaluateAllAsync<int[]>("ms => ms.map(m => Number(m.dataset.chapterStart))");
        Assert.Equal(18, chapterStarts.Length);
        Assert.Equal(chapterStarts, markerStarts);
        // Ticks, not targets: the seek bar is the one control (chapters 15 s apart are 4 px apart on a phone).
        Assert.Equal(0, await page.Locator("[data-player] .seekbar button, [data-player] .seekbar [tabindex]").CountAsync());

        // The pointer over a tick shows that chapter's tip; pressing there starts the chapter, not a second beside it.
        var marker = page.Locator("[data-player] .seek-marker[data-chapter-start=\"1104\"]");
        var tip = marker.Locator(".seek-tip");
        await Assertions.Expect(tip).ToBeHiddenAsync();
        var tick = (await marker.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(tick.X + tick.Width / 2 + 3, tick.Y + tick.Height / 2);
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync(PinAndStretch);
        await Assertions.Expect(tip).ToContainTextAsync("18:24");
        await Assertions.Expect(tip.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("chapter-1104\\.jpg$"));
        await Screenshots.SaveAsync(page, "player-marker-hover");
        await watch.ExpectSeekAsync();
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
        Assert.InRange(await watch.SeekedAsync(), 1103.95, 1104.05);

        // Keyboard: the seek bar, focused, shows the current chapter's tip and follows Shift+P to the one before.
        await page.Mouse.MoveAsync(0, 0);
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await page.Locator(".ctl-play").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.Locator(".seek-range")).ToBeFocusedAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await watch.ExpectSeekAsync();
        await page.Keyboard.PressAsync("Shift+P");
        Assert.InRange(await watch.SeekedAsync(), 959.5, 960.5);
        await Assertions.Expect(page.Locator("[data-player] .seek-marker[data-chapter-start=\"960\"] .seek-tip")).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".ctl-chapter")).ToHaveTextAsync("Working with the hip rotators longitudinally");
        await Assertions.Expect(page.Locator(".seek-range")).ToHaveAttributeAsync("aria-valuetext", "16:00 of 21:00, Working with the hip rotators longitudinally");
    }

    [Fact]
    public async Task Keyboard_shortcuts_control_the_player_but_not_while_typing()
    {
        var watch = await OpenAsync(VideoPath + "?t=600");
        var page = watch.Page;
        var video = new VideoState(page);
        await page.EvaluateAsync("() => { document.querySelector('video').muted = true; document.activeElement?.blur(); }");

        async Task Press(string key, double expected)
        {
            await watch.ExpectSeekAsync();
            await page.Keyboard.PressAsync(key);
            Assert.InRange(await watch.SeekedAsync(), expected - 0.6, expected + 0.6);
        }
        await Press("l", 610);
        await Press("j", 600);
        await Press("ArrowRight", 605);
        await Press("ArrowLeft", 600);
        await Press("Shift+N", 638);           // next chapter: Treatment duration
        await Press("Shift+P", 530);           // at its start: the previous chapter
        await Press("ArrowRight", 535);
        await Press("Shift+P", 530);           // more than 3 s in: this chapter's start
        await Press("5", 630);                 // 50 % of 21:00
        await Press("0", 0);

        await page.Keyboard.PressAsync("k");
        await page.WaitForFunctionAsync("() => !document.querySelector('video').paused");
        await page.Keyboard.PressAsync(" ");
        await page.WaitForFunctionAsync("() => document.querySelector('video').paused");

        await page.Keyboard.PressAsync(">");
        Assert.Equal(1.25, await video.RateAsync());
        await page.Keyboard.PressAsync("<");
        await page.Keyboard.PressAsync("<");
        Assert.Equal(0.75, await video.RateAsync());

        await page.Keyboard.PressAsync("m");
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('video').muted"));
        await page.Keyboard.PressAsync("m");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('video').muted"));

        await page.Keyboard.PressAsync("f");
        await page.WaitForFunctionAsync("() => document.fullscreenElement?.matches('[data-player]') === true");
        await page.Keyboard.PressAsync("f");
        await page.WaitForFunctionAsync("() => document.fullscreenElement === null");

        // Typing in the header's search box: letters are text, not shortcuts.
        var before = await watch.CurrentTimeAsync();
        await page.Locator(".site-search input").FillAsync("");
        await page.Locator(".site-search input").PressSequentiallyAsync("lj5k");
        Assert.Equal("lj5k", await page.Locator(".site-search input").InputValueAsync());
        Assert.Equal(before, await watch.CurrentTimeAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('video').paused"));
    }

    [Fact]
    public async Task Speed_goes_from_a_quarter_to_double_and_the_controls_show_the_chapter()
    {
        var watch = await OpenAsync(VideoPath + "?t=1110");
        var page = watch.Page;
        var video = new VideoState(page);
        var speed = page.GetByLabel("Playback speed");

        Assert.Equal(["0.25", "0.5", "0.75", "1", "1.25", "1.5", "1.75", "2"],
            await speed.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        await speed.SelectOptionAsync("0.25");
        Assert.Equal(0.25, await video.RateAsync());
        await speed.SelectOptionAsync("2");
        Assert.Equal(2, await video.RateAsync());

        await Assertions.Expect(page.Locator(".ctl-chapter")).ToHaveTextAsync(PinAndStretch);
        await Assertions.Expect(page.Locator(".ctl-time")).ToContainTextAsync("18:30 / 21:00");
        // The seeded video has no caption tracks yet: the captions button stays out of the way.
        await Assertions.Expect(page.Locator(".ctl-captions")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "player-controls");
    }

    [Fact]
    public async Task An_end_link_pauses_at_its_end_and_a_loop_link_repeats_its_range()
    {
        var watch = await OpenAsync(VideoPath + "?t=360&end=362");
        var page = watch.Page;
        await page.EvaluateAsync("() => { document.querySelector('video').muted = true; }");
        await page.EvaluateAsync("() => document.querySelector('video').play()");
        await page.WaitForFunctionAsync("() => document.querySelector('video').paused && document.querySelector('video').currentTime > 361");
        Assert.InRange(await watch.CurrentTimeAsync(), 361.7, 362.5);

        var loop = await OpenAsync(VideoPath + "?t=360&end=362&loop=1");
        await loop.Page.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; v.play(); }");
        // Past the end it jumps back to the start and keeps playing.
        await loop.Page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 361.5");
        await loop.ExpectSeekAsync();
        Assert.InRange(await loop.SeekedAsync(), 359.5, 360.5);
        Assert.False(await loop.Page.EvaluateAsync<bool>("() => document.querySelector('video').paused"));
        await Assertions.Expect(loop.Page.Locator(".seek-loop")).ToBeVisibleAsync();

        // From the controls: the range and its link.
        await loop.Page.GetByRole(AriaRole.Button, new() { Name = "Loop", Exact = true }).ClickAsync();
        await Assertions.Expect(loop.Page.Locator("[data-loop-link]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"/videos/sciatica-myofascial-release\?t=360&end=362&loop=1$"));
        await Screenshots.SaveAsync(loop.Page, "player-practice-loop");
    }

    [Fact]
    public async Task Loop_this_chapter_and_a_range_set_from_the_controls()
    {
        var watch = await OpenAsync(VideoPath);
        var page = watch.Page;
        await page.EvaluateAsync("() => { document.querySelector('video').muted = true; }");

        await watch.ExpectSeekAsync();
        await watch.Chapter(1104).Locator("a.chapter-loop").ClickAsync();
        Assert.InRange(await watch.SeekedAsync(), 1103.5, 1104.5);
        Assert.EndsWith(VideoPath + "?t=1104&end=1200&loop=1", await watch.AddressAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Loop", Exact = true }).ClickAsync();
        await page.EvaluateAsync("() => window.coursePlayer.pause()");
        await page.EvaluateAsync("() => window.coursePlayer.seek(400)");
        await page.Locator("[data-loop-from]").ClickAsync();
        await page.EvaluateAsync("() => window.coursePlayer.seek(415)");
        await page.Locator("[data-loop-to]").ClickAsync();
        await page.Locator("[data-loop-repeat]").UncheckAsync();
        await Assertions.Expect(page.Locator("[data-loop-link]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\?t=400&end=415$"));
    }

    [Fact]
    public async Task Coming_back_resumes_where_the_viewer_stopped_and_start_over_goes_back_to_the_start()
    {
        var watch = await OpenAsync(VideoPath);
        var page = watch.Page;
        await watch.ExpectSeekAsync();
        await page.EvaluateAsync("() => window.coursePlayer.seek(500)");
        await watch.SeekedAsync();

        await page.ReloadAsync();
        await watch.SettledAsync();
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector('video').currentTime - 500) < 1");
        var note = page.Locator(".resume-note");
        await Assertions.Expect(note).ToBeVisibleAsync();
        await Assertions.Expect(note).ToContainTextAsync("Resumed at 8:20");
        await Screenshots.SaveAsync(page, "player-resumed");

        await watch.ExpectSeekAsync();
        await note.GetByRole(AriaRole.Button, new() { Name = "Start over" }).ClickAsync();
        Assert.InRange(await watch.SeekedAsync(), 0, 0.5);
        await Assertions.Expect(note).ToBeHiddenAsync();

        // Back again on the plain address: nothing to resume.
        await page.GotoAsync(VideoPath);
        await watch.SettledAsync();
        Assert.InRange(await watch.CurrentTimeAsync(), 0, 0.5);
        await Assertions.Expect(note).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_chapter_played_through_is_marked_watched_here_and_on_the_home_page()
    {
        var watch = await OpenAsync(VideoPath);
        var page = watch.Page;
        var introduction = watch.Chapter(0);
        await Assertions.Expect(introduction).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("watched"));

        await page.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; v.playbackRate = 16; v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 24");

        await Assertions.Expect(introduction).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("watched"));
        await Assertions.Expect(introduction.Locator(".chapter-watched")).ToBeVisibleAsync();
        await Assertions.Expect(watch.Chapter(80)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("watched"));
        await page.EvaluateAsync("() => document.querySelector('video').pause()");

        await page.GotoAsync("/");
        var progress = page.Locator("[data-progress-of=\"sciatica-myofascial-release\"]");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(progress).ToContainTextAsync("% watched");
        await Screenshots.SaveAsync(page, "home-with-progress");
    }

    private sealed class VideoState(IPage page)
    {
        public Task<double> RateAsync() => page.EvaluateAsync<double>("() => document.querySelector('video').playbackRate");
    }
}
