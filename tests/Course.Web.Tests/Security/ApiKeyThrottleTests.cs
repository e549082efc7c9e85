using System.Net;
using System.Text.Json;
using Course.Web.Security;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Security;

public sealed class ApiKeyThrottleTests(ProxiedEditorSite site) : IClassFixture<ProxiedEditorSite>
{
    private static HttpRequestMessage Videos(string key) => new(HttpMethod.Get, "/api/manage/videos") { Headers = { { "Api-Key", key } } };

    [Fact]
    public async Task Wrong_API_keys_beyond_the_limit_answer_429_with_retry_after_even_to_the_right_key()
    {
        var guesser = site.Browser();
        for (var attempt = 0; attempt < ApiKeyFailures.PerMinute; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.SendAsync(Videos("guess-" + attempt))).StatusCode);

        var refused = await guesser.SendAsync(Videos("guess-again"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SendAsync(Videos(EditorSite.ApiKey))).StatusCode);

        // Another client, and the automation holding the key, are not affected.
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().SendAsync(Videos(EditorSite.ApiKey))).StatusCode);
    }
}
