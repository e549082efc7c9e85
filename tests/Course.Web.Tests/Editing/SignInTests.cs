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
