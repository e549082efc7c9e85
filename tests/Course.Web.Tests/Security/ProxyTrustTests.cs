using System.Net;
using System.Net.Http.Json;

namespace Course.Web.Tests.Security;

/// <summary>
/// Forwarded headers believed from a configured proxy only, even with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>:
/// the proxy configured here (10.9.8.7) is not the test client (127.0.0.1).
/// </summary>
public sealed class UntrustedProxySite : IDisposable
{
    public KestrelSite Kestrel { get; }

    public UntrustedProxySite()
    {
        Kestrel = new KestrelSite(settings =>
        {
            settings["Course:Comments:PermitsPerMinute"] = "5";
            settings["Course:ForwardedHeaders:KnownProxies:0"] = "10.9.8.7";
        }, configure: ForwardedHeadersEnabledAsTheEnvironmentVariableDoes.AddTo);
    }

    public void Dispose() => Kestrel.Dispose();
}

public sealed class ProxyTrustTests(UntrustedProxySite untrusted) : IClassFixture<UntrustedProxySite>
{
    private const string Comments = "/api/videos/sciatica-myofascial-release/comments";

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_untrusted_address_is_still_limited()
    {
        var client = untrusted.Kestrel.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Comments) { Content = JsonContent.Create(new { author = "Spoof", body = $"Post {i}" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_and_each_visitor_behind_it_has_their_own_limit()
    {
        using var site = new KestrelSite(settings =>
        {
            settings["Course:Comments:PermitsPerMinute"] = "2";
            settings["Course:ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8";
        });
        var proxy = site.Client();
        async Task<HttpStatusCode> PostAs(string visitor)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Comments) { Content = JsonContent.Create(new { author = "Visitor", body = "Hello" }) };
            request.Headers.Add("X-Forwarded-For", visitor);
            return (await proxy.SendAsync(request)).StatusCode;
        }
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests],
            [await PostAs("198.51.100.1"), await PostAs("198.51.100.1"), await PostAs("198.51.100.1")]);
        Assert.Equal(HttpStatusCode.Accepted, await PostAs("198.51.100.2"));
    }
}
