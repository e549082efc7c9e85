using System.Net;
using System.Text.RegularExpressions;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Security;

/// <summary>An editor site behind a trusted proxy (the test server), so each browser here comes from an address of its own.</summary>
public sealed class ProxiedEditorSite : IDisposable
{
    public EditorSite Editors { get; } = new();
    private int clients;

    public ProxiedEditorSite() => Editors.Site.Settings["Course:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";

    /// <summary>A browser at an address no other browser of these tests uses.</summary>
    public HttpClient Browser()
    {
        var browser = Editors.Browser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref clients)}");
        return browser;
    }

    public void Dispose() => Editors.Dispose();
}

/// <summary>Sign-in answers that tell nothing, and throttling that strangers cannot turn into a lock-out.</summary>
public sealed partial class SignInThrottleTests(ProxiedEditorSite site) : IClassFixture<ProxiedEditorSite>
{
    [Fact]
    public async Task Unknown_wrong_and_closed_accounts_get_the_same_answer()
    {
        await site.Editors.Site.RunCommandAsync("create-admin", "--email", "closed@example.com", "--password", "Right-password-42");
        await site.Editors.Site.RunCommandAsync("create-admin", "--email", "open@example.com", "--password", "Right-password-43");
        for (var attempt = 0; attempt < 5; attempt++)
            await site.Editors.SignInAsync(Browser(), "closed@example.com", "wrong-password-" + attempt);

        var unknown = await site.Editors.SignInAsync(Browser(), "nobody@example.com", "whatever-it-is-1");
        var wrong = await site.Editors.SignInAsync(Browser(), "open@example.com", "wrong-password-1");
        var closedEvenToTheRightPassword = await site.Editors.SignInAsync(Browser(), "closed@example.com", "Right-password-42");

        var answers = new[] { unknown, wrong, closedEvenToTheRightPassword };
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        var problems = await Task.WhenAll(answers.Select(async a => Problem().Match(await a.Content.ReadAsStringAsync()).Value));
        Assert.All(problems, problem => Assert.Equal(problems[0], problem));
        Assert.Contains("Wrong email or password.", problems[0]);
        Assert.DoesNotContain("locked", problems[0]);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_do_not_keep_the_real_editor_out()
    {
        await site.Editors.Site.RunCommandAsync("create-admin", "--email", "targeted@example.com", "--password", "Right-password-44");
        var editorsBrowser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await site.Editors.SignInAsync(editorsBrowser, "targeted@example.com", "Right-password-44")).StatusCode);
        await EditorSite.PostFormAsync(editorsBrowser, "/backoffice", "/backoffice/logout", []);

        var stranger = Browser();
        for (var attempt = 0; attempt < 8; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await site.Editors.SignInAsync(stranger, "targeted@example.com", "guess-" + attempt)).StatusCode);
        // Guessing is closed to browsers the account never signed in from, even with the right password…
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Editors.SignInAsync(Browser(), "targeted@example.com", "Right-password-44")).StatusCode);
        // …while the editor's own browser gets in.
        Assert.Equal(HttpStatusCode.Redirect, (await site.Editors.SignInAsync(editorsBrowser, "targeted@example.com", "Right-password-44")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editorsBrowser.GetAsync("/backoffice")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_the_editors_own_browser_close_that_browser_only()
    {
        await site.Editors.Site.RunCommandAsync("create-admin", "--email", "clumsy@example.com", "--password", "Right-password-45");
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await site.Editors.SignInAsync(browser, "clumsy@example.com", "Right-password-45")).StatusCode);
        await EditorSite.PostFormAsync(browser, "/backoffice", "/backoffice/logout", []);
        for (var attempt = 0; attempt < 5; attempt++)
            await site.Editors.SignInAsync(browser, "clumsy@example.com", "typo-" + attempt);

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Editors.SignInAsync(browser, "clumsy@example.com", "Right-password-45")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Editors.SignInAsync(Browser(), "clumsy@example.com", "Right-password-45")).StatusCode);
    }

    private HttpClient Browser() => site.Browser();

    [GeneratedRegex("<p class=\"error\" role=\"alert\">[^<]*</p>")]
    private static partial Regex Problem();
}
