using System.Net;
using Course.Web.Security;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>Guessing passwords at speed is refused per client, for unknown accounts too, where lockout cannot help.</summary>
public sealed class SignInRateLimitTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_answer_429_with_retry_after()
    {
        var browser = editors.Browser();
        for (var attempt = 0; attempt < PostingRateLimits.SignInAttemptsPerMinute; attempt++)
        {
            var wrong = await editors.SignInAsync(browser, $"nobody{attempt}@example.com", "not-a-password-1");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var refused = await editors.SignInAsync(browser, EditorSite.Email, EditorSite.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync());
        // Reading the sign-in page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/backoffice/login")).StatusCode);
    }
}
