using System.Net;
using Course.Web.Tests.Site;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Course.Browser.Tests.Browser;

/// <summary>
/// The real site on Kestrel at a free port on 127.0.0.1 (temporary SQLite file, temporary copy of
/// <c>uSync/</c>), with an editor account and an API key, and one headless Chromium that each test
/// opens its own pages in. Tests that add content use slugs of their own, so they share it safely.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string EditorEmail = "browser-editor@example.com";
    public const string EditorPassword = "Browser-editor-pass-1";
    public const string ApiKey = "browser-tests-api-key";

    private readonly CourseSite site = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        site.Settings["Course:Admin:Email"] = EditorEmail;
        site.Settings["Course:Admin:Password"] = EditorPassword;
        site.Settings["Course:ManagementApiKey"] = ApiKey;
        // Uploads go to the test's own folder, never into the checkout's wwwroot/media.
        site.Settings["Course:Media:Folder"] = Path.Combine(site.Folder, "media");
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var addresses = site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.Single());

        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A fresh tab in its own context (no shared cache, history or storage), at <paramref name="path"/>; a desktop window unless told.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A browser context of its own on this site (relative addresses resolve to it), with the suite's waits.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = Address.ToString();
        var context = await Browser.NewContextAsync(options);
        // Waits for a page or an element are generous: the whole suite runs beside this site, and on a busy machine
        // (load 30 on 2 cores) a backoffice save that answers in 0.1 s alone has taken more than Playwright's 30 s.
        context.SetDefaultTimeout(90_000);
        return context;
    }

    /// <summary>A client of the site's HTTP API that sends the editor API key.</summary>
    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("Api-Key", ApiKey);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await site.DisposeAsync();
    }
}

/// <summary>Every browser test shares one site and one Chromium, and they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
