using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Course.Web.Tests.Site;

/// <summary>
/// What every response carries over real HTTP in process: security headers, compression, caching of
/// static files, robots.txt and the sitemap with video entries, and addresses at the configured public URL.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class SiteBasicsTests(CourseSite site)
{
    private const string VideoPath = "/videos/sciatica-myofascial-release";
    private const string PublicUrl = "http://localhost:5177";

    public static TheoryData<string> PublicPages => new()
    {
        "/", VideoPath, VideoPath + "/chapters/sciatic-nerve-anatomy", "/techniques", "/techniques/gluteal-landmarks",
        "/search?q=piriformis", "/no-such-page",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_carries_the_security_headers_and_a_meta_description(string path)
    {
        var response = await site.CreateClient().GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Matches(MetaDescription(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_errors_carry_the_headers_too()
    {
        var response = await site.CreateClient().GetAsync("/api/videos/no-such-video");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_video_page_is_compressed_for_clients_that_ask(string encoding)
    {
        var client = site.CreateClient();
        var plain = await (await client.GetAsync(VideoPath)).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, VideoPath);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length * 3 < plain.Length, $"{encoding}: {compressed.Length} of {plain.Length} bytes");
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Versioned_assets_are_cached_for_a_year_and_media_is_revalidated_by_etag_and_date()
    {
        var client = site.CreateClient();
        var html = await client.GetStringAsync(VideoPath);
        var script = PlayerScript().Match(html);
        Assert.True(script.Success, "the player script is linked with a version");
        var asset = await client.GetAsync(WebUtility.HtmlDecode(script.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());

        using var range = new HttpRequestMessage(HttpMethod.Get, "/media/sciatica-myofascial-release.webm");
        range.Headers.Range = new RangeHeaderValue(0, 99);
        var media = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, media.StatusCode);
        Assert.NotNull(media.Headers.ETag);
        Assert.NotNull(media.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/media/sciatica-myofascial-release.pictures/poster.jpg");
        var poster = await client.GetAsync("/media/sciatica-myofascial-release.pictures/poster.jpg");
        again.Headers.IfNoneMatch.Add(poster.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/sitemap.xml", "application/xml")]
    public async Task Site_files_are_served(string path, string type)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Robots_point_at_the_sitemap_at_the_public_address()
    {
        var robots = await site.CreateClient().GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", robots);
        Assert.Contains("Disallow: /backoffice", robots);
    }

    [Fact]
    public async Task The_sitemap_has_a_video_entry_for_every_published_video_and_each_chapter_page()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace video = "http://www.google.com/schemas/sitemap-video/1.1";
        var client = site.CreateClient();
        var document = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var published = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/videos")).RootElement;

        var entries = document.Root!.Elements(sm + "url").Where(u => u.Element(video + "video") is not null).ToList();
        Assert.Equal(published.GetArrayLength(), entries.Count);
        var entry = entries.Single(u => u.Element(sm + "loc")!.Value == PublicUrl + VideoPath).Element(video + "video")!;
        Assert.Equal("Sciatica myofascial release techniques", entry.Element(video + "title")!.Value);
        Assert.Equal($"{PublicUrl}/media/sciatica-myofascial-release.pictures/poster.jpg", entry.Element(video + "thumbnail_loc")!.Value);
        Assert.Equal($"{PublicUrl}/media/sciatica-myofascial-release.webm", entry.Element(video + "content_loc")!.Value);
        Assert.Equal("1260", entry.Element(video + "duration")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(entry.Element(video + "description")!.Value));

        var locations = document.Root.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains($"{PublicUrl}{VideoPath}/chapters/sciatic-nerve-anatomy", locations);
        Assert.Contains($"{PublicUrl}/", locations);
        Assert.All(locations, l => Assert.StartsWith(PublicUrl + "/", l));
    }

    [Fact]
    public async Task Addresses_come_from_the_public_url_and_other_hosts_are_refused()
    {
        await using var configured = new CourseSite();
        configured.Settings["Course:PublicUrl"] = "https://course.example.org";
        configured.Settings["AllowedHosts"] = "localhost";
        var client = configured.CreateClient();

        var html = await client.GetStringAsync(VideoPath);
        Assert.Contains($"<link rel=\"canonical\" href=\"https://course.example.org{VideoPath}\">", html);
        Assert.Contains($"\"url\":\"https://course.example.org{VideoPath}\"", html);
        Assert.DoesNotContain("http://localhost", html);

        // The public host is allowed without being listed; any other Host is refused, so it can never leak into a page.
        using var publicHost = new HttpRequestMessage(HttpMethod.Get, VideoPath);
        publicHost.Headers.Host = "course.example.org";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(publicHost)).StatusCode);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, VideoPath);
        spoofed.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(spoofed)).StatusCode);
    }

    [Fact]
    public void A_public_url_that_is_not_an_absolute_address_stops_the_site_with_the_setting_named()
    {
        using var broken = new CourseSite();
        broken.Settings["Course:PublicUrl"] = "course.example.org";
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("Course:PublicUrl", error.ToString());
    }

    [GeneratedRegex("<meta name=\"description\" content=\"[^\"]{20,}\">")]
    private static partial Regex MetaDescription();

    [GeneratedRegex("<script src=\"(/js/player\\.js\\?v=[^\"]+)\"")]
    private static partial Regex PlayerScript();
}
