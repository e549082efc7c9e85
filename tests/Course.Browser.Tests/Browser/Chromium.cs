using Microsoft.Playwright;

namespace Course.Browser.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright through its executable path: no browser is ever downloaded.
/// </summary>
public static class Chromium
{
    /// <summary>The binary first (the launcher script only adds desktop flags), then the launcher.</summary>
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private static readonly string[] Arguments =
    [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Playback tests start the (muted) video from script, without a click.
        "--autoplay-policy=no-user-gesture-required",
    ];

    public static string ExecutablePath =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            $"Chromium is missing (looked for {string.Join(", ", Candidates)}). The browser tests need Debian's " +
            "package: `apt-get install chromium` (tools/test.sh installs it when it is missing).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
}
