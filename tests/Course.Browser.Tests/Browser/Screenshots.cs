using Course.Web.Tests.Site;
using Microsoft.Playwright;

namespace Course.Browser.Tests.Browser;

/// <summary>Screenshots kept as test artifacts under <c>artifacts/screenshots/</c> at the repository's top.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
