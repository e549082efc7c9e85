using System.Net;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

public sealed class SignInTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task The_first_administrator_from_configuration_signs_in_and_out()
    {
        var browser = await editors.SignedInAsync();
        var home = await browser.GetStringAsync("/backoffice");
        Assert.Contains(EditorSite.Email, home);

        var signOut = await EditorSite.PostFormAsync(browser, "/backoffice", "/backoffice/logout", []);
        Assert.Equal("/backoffice/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/backoffice")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await Run("create-admin", "--email", "locked@example.com", "--password", "Right-password-42");
        var browser = editors.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await editors.SignInAsync(browser, "locked@example.com", "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await editors.SignInAsync(browser, "locked@example.com", "Right-password-42");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/backoffice")).StatusCode);
        // Others are not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await editors.SignInAsync(editors.Browser())).StatusCode);
    }

    [Fact]
    public async Task Create_admin_makes_an_editor_and_refuses_weak_passwords_and_duplicates()
    {
        Assert.Equal(0, await Run("create-admin", "--email", "second@example.com", "--password", "Another-good-one-7"));
        Assert.Equal(HttpStatusCode.Redirect, (await editors.SignInAsync(editors.Browser(), "second@example.com", "Another-good-one-7")).StatusCode);
        Assert.Equal(1, await Run("create-admin", "--email", "second@example.com", "--password", "Another-good-one-7"));
        Assert.Equal(1, await Run("create-admin", "--email", "weak@example.com", "--password", "short"));
        Assert.Equal(2, await Run("create-admin", "--email", "nopassword@example.com"));
        Assert.Equal(2, await Run("no-such-command"));
    }

    private Task<int> Run(params string[] args) => editors.Site.RunCommandAsync(args);
}
