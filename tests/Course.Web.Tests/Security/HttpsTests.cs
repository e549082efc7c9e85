using System.Net;

namespace Course.Web.Tests.Security;

/// <summary>The site on Kestrel with a plain and a TLS endpoint (self-signed certificate).</summary>
public sealed class HttpsSite : IDisposable
{
    public KestrelSite Kestrel { get; } = new(settings => settings["AllowedHosts"] = "course.test", https: true);

    public void Dispose() => Kestrel.Dispose();
}

public sealed class HttpsTests(HttpsSite site) : IClassFixture<HttpsSite>
{
    /// <summary>A request by name rather than to 127.0.0.1, which HSTS leaves alone (a browser would keep to HTTPS for every local port).</summary>
    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path) { Headers = { Host = "course.test" } };

    [Fact]
    public async Task Over_HTTPS_answers_carry_HSTS_and_no_Server_header()
    {
        var response = await site.Kestrel.Client(site.Kestrel.Https).SendAsync(Get("/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_carries_no_HSTS_nor_Server_header()
    {
        var response = await site.Kestrel.Client().SendAsync(Get("/videos/sciatica-myofascial-release?t=30"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://course.test:{site.Kestrel.Https!.Port}/videos/sciatica-myofascial-release?t=30", response.Headers.Location?.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Every_cookie_sent_over_HTTPS_is_Secure()
    {
        var browser = site.Kestrel.Client(site.Kestrel.Https);
        var form = await browser.SendAsync(Get("/backoffice/login"));
        var commentForm = await browser.SendAsync(Get("/videos/sciatica-myofascial-release/comment"));
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/backoffice/login")
        {
            Headers = { Host = "course.test" },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = KestrelSite.Email, ["Password"] = KestrelSite.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        var signedIn = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var cookies = new[] { form, commentForm, signedIn }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery."));
        Assert.Contains(cookies, c => c.StartsWith("course-backoffice="));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
