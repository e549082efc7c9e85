using Microsoft.Playwright;

namespace Course.Browser.Tests.Browser;

/// <summary>What a test reads from and does to a video page: the &lt;video&gt; and the chapter list.</summary>
public sealed class WatchPage(IPage page)
{
    public IPage Page => page;

    public ILocator Chapter(int start) => page.Locator($"li.chapter[data-chapter-start=\"{start}\"]");

    public ILocator ChapterLink(string title) => page.Locator("a.chapter-link", new() { HasText = title });

    /// <summary>The chapters marked current: exactly one is expected.</summary>
    public ILocator CurrentChapters => page.Locator("li.chapter.current");

    /// <summary>Whether the current chapter lies inside the chapter list's scrolled box.</summary>
    public Task<bool> CurrentChapterInSightAsync() => page.EvaluateAsync<bool>(
        "() => { const box = document.querySelector('.chapters').getBoundingClientRect(); const at = document.querySelector('li.chapter.current').getBoundingClientRect(); return at.top >= box.top && at.bottom <= box.bottom; }");

    public Task<double> CurrentTimeAsync() => page.EvaluateAsync<double>("() => document.querySelector('video').currentTime");

    /// <summary>Once the metadata is in and no seek is under way, the position the page chose is final.</summary>
    public Task SettledAsync() =>
        page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v.readyState >= 1 && !v.seeking; }");

    /// <summary>
    /// Once the page has settled (so no seek of its own can answer instead), arms a promise for the next
    /// <c>seeked</c> event; await <see cref="SeekedAsync"/> for the <c>currentTime</c> it landed on.
    /// </summary>
    public async Task ExpectSeekAsync()
    {
        await SettledAsync();
        await page.EvaluateAsync(
            "() => { const v = document.querySelector('video'); window.__seeked = new Promise(r => v.addEventListener('seeked', () => r(v.currentTime), { once: true })); }");
    }

    public Task<double> SeekedAsync() => page.EvaluateAsync<double>("() => window.__seeked");

    public Task<string> AddressAsync() => page.EvaluateAsync<string>("() => location.href");
}
