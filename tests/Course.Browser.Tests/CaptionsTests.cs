using System.Net.Http.Json;
using Course.Browser.Tests.Browser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Course.Browser.Tests;

/// <summary>
/// The seeded spoken demonstration in a real Chromium: captions on with the C key (and remembered), the
/// transcript's current line following playback, a click on a later line seeking there, and axe-core's
/// <c>video-caption</c> rule satisfied where the uncaptioned tutorial still fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaptionsTests(BrowserSite site)
{
    private const string DemoPath = "/videos/sciatica-approach-read-aloud";

    private Task<string> CurrentLineAsync(IPage page) => page.Locator(".cue.current").InnerTextAsync();

    [Fact]
    public async Task Captions_come_on_with_c_the_transcript_follows_playback_and_a_click_seeks_to_its_line()
    {
        var watch = new WatchPage(await site.OpenAsync(DemoPath));
        var page = watch.Page;
        await watch.SettledAsync();
        Assert.Equal("false", await page.Locator("[data-captions-toggle]").GetAttributeAsync("aria-pressed"));

        await page.Keyboard.PressAsync("c");
        Assert.Equal("true", await page.Locator("[data-captions-toggle]").GetAttributeAsync("aria-pressed"));
        Assert.Equal("showing", await page.EvaluateAsync<string>("() => [...document.querySelector('video').textTracks].find(t => t.kind === 'captions').mode"));

        // Play from 0:18 until "I recommend always asking about the hips." (0:21.692–0:24.406) is being said.
        await page.EvaluateAsync("async () => { const v = document.querySelector('video'); v.muted = true; v.currentTime = 18; await v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 22.2");
        Assert.Equal("I recommend always asking about the hips.", await CurrentLineAsync(page));
        var showing = await page.EvaluateAsync<string>("() => [...[...document.querySelector('video').textTracks].find(t => t.kind === 'captions').activeCues].map(c => c.text).join(' ')");
        Assert.Equal("I recommend always asking about the hips.", showing);
        await Screenshots.SaveAsync(page, "captions-following");

        var later = page.Locator(".cue", new() { HasText = "Many clients with hypersensitivity" });
        await watch.ExpectSeekAsync();
        await later.ClickAsync();
        Assert.InRange(await watch.SeekedAsync(), 58.3, 58.6);
        Assert.StartsWith("Many clients with hypersensitivity", await CurrentLineAsync(page));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const box = document.querySelector('[data-transcript-body]').getBoundingClientRect(); const at = document.querySelector('.cue.current').getBoundingClientRect(); return at.top >= box.top && at.bottom <= box.bottom; }"),
            "the current line is out of the transcript panel's sight");

        // The choice is remembered: the next visit starts with captions on.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelector('video').textTracks].some(t => t.kind === 'captions' && t.mode === 'showing')");
        Assert.Equal("true", await page.Locator("[data-captions-toggle]").GetAttributeAsync("aria-pressed"));

        // The player's own CC button is the same switch: the transcript's toggle and the remembered choice follow it.
        Assert.Equal("true", await page.Locator(".ctl-captions").GetAttributeAsync("aria-pressed"));
        await page.Locator(".ctl-captions").ClickAsync();
        Assert.Equal("false", await page.Locator("[data-captions-toggle]").GetAttributeAsync("aria-pressed"));
        Assert.Equal("disabled", await page.EvaluateAsync<string>("() => [...document.querySelector('video').textTracks].find(t => t.kind === 'captions').mode"));
        Assert.False(await page.EvaluateAsync<bool>("() => JSON.parse(localStorage.getItem('course.captions')).on"));
    }

    /// <summary>The languages of the caption tracks being shown: one, or "" when none is.</summary>
    private static Task<string> ShowingAsync(IPage page) =>
        page.EvaluateAsync<string>("() => [...document.querySelector('video').textTracks].filter(t => t.kind === 'captions' && t.mode === 'showing').map(t => t.language).join(',')");

    private static Task<string> RememberedAsync(IPage page) => page.EvaluateAsync<string>("() => localStorage.getItem('course.captions')");

    /// <summary>The demonstration's recording, published under a slug of its own with captions in English, then Spanish.</summary>
    private async Task<string> TwoLanguageVideoAsync(string title)
    {
        using var api = site.Api();
        var created = await api.PostAsJsonAsync("/api/manage/videos", new
        {
            title, source = "/media/sciatica-approach-read-aloud.webm", duration = 114, description = "Read aloud, captioned twice.\n0:00 Start\n0:38 Sensitivity\n1:06 Angles",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var slug = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("slug").GetString()!;
        foreach (var (language, label, line) in new[] { ("en", "English", "Find the hips first."), ("es", "Español", "Primero, las caderas.") })
        {
            var put = await api.PutAsync($"/api/manage/videos/{slug}/captions/{language}?label={Uri.EscapeDataString(label)}",
                new StringContent($"WEBVTT\n\n00:01.000 --> 00:04.000\n{line}\n", System.Text.Encoding.UTF8, "text/vtt"));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        var published = await api.PostAsync($"/api/manage/videos/{slug}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return slug;
    }

    [Fact]
    public async Task The_players_captions_button_and_c_turn_on_the_language_picked_for_the_transcript_and_keep_it()
    {
        var slug = await TwoLanguageVideoAsync("Captioned in two languages");
        var page = await site.OpenAsync($"/videos/{slug}");
        await page.Locator("[data-transcript-controls]:not([hidden])").WaitForAsync();

        // The viewer picks the second language, watches with it a while, then turns captions off.
        await page.Locator("[data-captions-language]").SelectOptionAsync("es");
        await page.Locator("[data-captions-toggle]").ClickAsync();
        Assert.Equal("es", await ShowingAsync(page));
        await page.Locator("[data-captions-toggle]").ClickAsync();
        Assert.Equal("", await ShowingAsync(page));

        // The player's own button brings back the language picked, not the first one, and the choice stays.
        await page.Locator(".ctl-captions").ClickAsync();
        Assert.Equal("es", await ShowingAsync(page));
        Assert.Equal("true", await page.Locator(".ctl-captions").GetAttributeAsync("aria-pressed"));
        Assert.Equal("true", await page.Locator("[data-captions-toggle]").GetAttributeAsync("aria-pressed"));
        Assert.Equal("""{"on":true,"language":"es"}""", await RememberedAsync(page));

        // So does the C key.
        await page.Keyboard.PressAsync("c");
        Assert.Equal("", await ShowingAsync(page));
        await page.Keyboard.PressAsync("c");
        Assert.Equal("es", await ShowingAsync(page));
        Assert.Equal("""{"on":true,"language":"es"}""", await RememberedAsync(page));

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelector('video').textTracks].some(t => t.mode === 'showing')");
        Assert.Equal("es", await ShowingAsync(page));
        Assert.Equal("es", await page.Locator("[data-captions-language]").InputValueAsync());
    }

    [Fact]
    public async Task Without_the_transcript_script_the_player_turns_on_the_browsers_language_then_the_one_last_shown()
    {
        var slug = await TwoLanguageVideoAsync("Captioned for the preview");
        // The backoffice preview runs the player alone: nothing there keeps a choice of language.
        var page = await BackofficeFlowTests.SignInAsync(site);
        await page.AddInitScriptAsync("Object.defineProperty(navigator, 'languages', { get: () => ['es-MX', 'en'] })");
        await page.GotoAsync($"/backoffice/videos/preview/{slug}");
        await Assertions.Expect(page.Locator(".ctl-captions")).ToBeVisibleAsync();

        await page.Locator(".ctl-captions").ClickAsync();
        Assert.Equal("es", await ShowingAsync(page));
        await page.Keyboard.PressAsync("c");
        Assert.Equal("", await ShowingAsync(page));

        // English shown by another script: off and on again brings English back.
        await page.EvaluateAsync("() => coursePlayer.setCaptions(coursePlayer.captionTracks().find(t => t.language === 'en'))");
        await page.Keyboard.PressAsync("c");
        Assert.Equal("", await ShowingAsync(page));
        await page.Keyboard.PressAsync("c");
        Assert.Equal("en", await ShowingAsync(page));
    }

    [Fact]
    public async Task The_find_box_marks_matches_and_steps_through_them_without_seeking()
    {
        var watch = new WatchPage(await site.OpenAsync(DemoPath));
        await watch.SettledAsync();

        await watch.Page.Locator("[data-transcript-query]").FillAsync("hip");

        Assert.Equal(5, await watch.Page.Locator(".cue mark").CountAsync());
        Assert.Equal("1 of 5", await watch.Page.Locator("[data-transcript-count]").InnerTextAsync());
        await watch.Page.Locator("[data-transcript-query]").PressAsync("Enter");
        Assert.Equal("2 of 5", await watch.Page.Locator("[data-transcript-count]").InnerTextAsync());
        Assert.Equal(1, await watch.Page.Locator(".cue mark.found").CountAsync());
        Assert.Equal(0, await watch.CurrentTimeAsync());
        await Screenshots.SaveAsync(watch.Page, "transcript-find");
    }

    [Fact]
    public async Task Axe_finds_no_missing_captions_on_the_captioned_video_and_still_on_the_uncaptioned_one()
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["video-caption"] } };

        var captioned = await site.OpenAsync(DemoPath);
        var results = await captioned.RunAxe(options);
        Assert.Empty(results.Violations);
        Assert.Contains(results.Passes, rule => rule.Id == "video-caption");

        // axe cannot hear a video: without a captions track it asks for a review rather than passing it.
        var uncaptioned = await uncaptionedResults();
        Assert.Contains(uncaptioned.Violations.Concat(uncaptioned.Incomplete), rule => rule.Id == "video-caption");
        Assert.DoesNotContain(uncaptioned.Passes, rule => rule.Id == "video-caption");

        async Task<AxeResult> uncaptionedResults() => await (await site.OpenAsync("/videos/sciatica-myofascial-release")).RunAxe(options);
    }

    [Fact]
    public async Task An_editor_pastes_captions_sees_a_problem_at_its_line_fixes_it_and_saves()
    {
        using (var api = site.Api())
        {
            var created = await api.PostAsJsonAsync("/api/manage/videos", new
            {
                title = "Captioned in Chromium", source = "https://www.youtube.com/watch?v=dQw4w9WgXcQ", duration = 60,
                description = "Captions pasted in the backoffice.\n0:00 Start\n0:20 Middle\n0:40 End",
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var page = await BackofficeFlowTests.SignInAsync(site);
        await page.GotoAsync("/backoffice/videos/edit/captioned-in-chromium");
        var form = page.Locator(".caption-form");
        await form.GetByLabel("Language (a BCP 47 tag").FillAsync("en");
        await form.GetByLabel("or paste it").FillAsync("WEBVTT\n\n00:05.000 --> 00:04.000\nFind the piriformis.\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save captions" }).ClickAsync();

        var problem = page.Locator(".caption-problems li[data-line=\"3\"]");
        await Assertions.Expect(problem).ToContainTextAsync("the cue ends at 00:00:04.000, not after its start at 00:00:05.000");
        var results = await page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
        await Screenshots.SaveAsync(page, "caption-form-problem");

        await form.GetByLabel("or paste it").FillAsync("WEBVTT\n\n00:04.000 --> 00:05.000\nFind the piriformis.\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save captions" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-caption=\"en\"]")).ToContainTextAsync("English");
    }

    [Fact]
    public async Task The_whole_video_page_passes_axe_on_a_phone()
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(DemoPath);
        await page.Locator("[data-transcript-controls]:not([hidden])").WaitForAsync();

        var results = await page.RunAxe();

        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 390 px");
        await Screenshots.SaveAsync(page, "captions-phone");
    }
}
