using System.Net;
using System.Text.Json;
using Course.Web.Tests.Site;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Editing;

/// <summary>Every editor route, found in the site's own endpoint list, refuses anonymous and wrong-key requests.</summary>
public sealed class EditorAccessTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private IReadOnlyList<(string Method, string Path)> Routes(string prefix)
    {
        editors.Site.CreateClient().Dispose(); // starts the site
        var endpoints = editors.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(method => (method, Fill(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
    }

    // Route parameters get values their constraints accept: a seeded slug, a chapter index, a version or comment id.
    private static string Fill(string pattern) => "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{(\w+)(?::(\w+))?\??\}",
        m => m.Groups[2].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" => "1",
            _ => "sciatica-myofascial-release",
        });

    [Fact]
    public async Task Every_editor_api_route_answers_401_problem_details_without_the_key_or_with_a_wrong_one()
    {
        var routes = Routes("/api/manage");
        Assert.True(routes.Count >= 20, $"only {routes.Count} editor API routes found");
        foreach (var (method, path) in routes)
        {
            foreach (var key in new string?[] { null, "wrong-key", EditorSite.ApiKey + "x" })
            {
                var client = editors.Site.CreateClient();
                var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                if (key is not null) request.Headers.Add("Api-Key", key);
                var response = await client.SendAsync(request);
                // Wrong keys from one client are limited (ApiKeyFailures): past the limit they answer 429 instead.
                var refused = key is null ? [HttpStatusCode.Unauthorized] : new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests };
                Assert.True(refused.Contains(response.StatusCode), $"{method} {path} with key {key ?? "(none)"}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Every_backoffice_page_sends_anonymous_people_to_sign_in()
    {
        var routes = Routes("/backoffice").Where(r => !r.Path.StartsWith("/backoffice/login")).ToList();
        Assert.True(routes.Count >= 6, $"only {routes.Count} backoffice routes found");
        foreach (var (method, path) in routes)
        {
            var response = await editors.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {response.StatusCode}");
            Assert.StartsWith("/backoffice/login?ReturnUrl=", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Backoffice_pages_take_no_api_key_not_even_the_right_one()
    {
        foreach (var key in new[] { "wrong-key", EditorSite.ApiKey })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/backoffice");
            request.Headers.Add("Api-Key", key);
            var response = await editors.Browser().SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/backoffice/login", response.Headers.Location?.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_signed_in_editor_uses_pages_and_the_editor_api_with_the_cookie()
    {
        var browser = await editors.SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/backoffice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/manage/videos")).StatusCode);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var browser = await editors.SignedInAsync();
        var response = await browser.PostAsync("/backoffice/techniques/edit?handler=Save",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "Forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Api().GetAsync("/api/manage/techniques/forged")).StatusCode);
    }
}
