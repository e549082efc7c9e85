using System.Net;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Search;

[Collection(SeededSiteCollection.Name)]
public sealed class SearchPageTests(CourseSite site)
{
    private async Task<string> Html(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Search_page_is_a_plain_get_form_with_results_grouped_by_type()
    {
        var html = await Html("/search?q=hip+rotators");
        Assert.Contains("<form id=\"search-form\" class=\"search-form\" action=\"/search\" method=\"get\"", html);
        Assert.Contains("value=\"hip rotators\"", html);
        Assert.Contains("<h2>Chapters</h2>", html);
        Assert.Contains("<h2>Techniques</h2>", html);
        // A chapter hit starts the video at its second; a technique hit lists the chapters that show it.
        Assert.Contains("href=\"/videos/sciatica-myofascial-release?t=960\">Working with the hip rotators longitudinally</a>", html);
        Assert.Contains("href=\"/videos/sciatica-myofascial-release?t=1104\">Sciatica myofascial release techniques, 18:24</a>", html);
        Assert.Contains("<mark>", html);
        Assert.Contains("/js/search.js", html);
    }

    [Fact]
    public async Task Facet_links_toggle_filters()
    {
        var html = await Html("/search?q=hip&type=chapter");
        Assert.Contains("<a href=\"/search?q=hip\" aria-current=\"true\" data-facet=\"type\">chapter</a>", html);
        Assert.Contains("href=\"/search?q=hip&amp;type=chapter&amp;muscle=piriformis\"", html);
        Assert.DoesNotContain("<h2>Techniques</h2>", html);
        Assert.Contains("<input type=\"hidden\" name=\"type\" value=\"chapter\">", html);
    }

    [Fact]
    public async Task Empty_search_page_shows_the_form_only_and_bad_paging_is_named()
    {
        var empty = await Html("/search");
        Assert.Contains("id=\"search-form\"", empty);
        Assert.DoesNotContain("results for", empty);
        var bad = await Html("/search?q=hip&page=zero", HttpStatusCode.BadRequest);
        Assert.Contains("<strong>page</strong>", bad);
        Assert.Contains("value=\"hip\"", bad);
        var odd = await Html("/search?q=%22(*~%3A%5C");
        Assert.Contains("0 results", odd);
    }

    [Fact]
    public async Task Technique_page_links_every_chapter_that_shows_it_at_its_second()
    {
        var html = await Html("/techniques/lateral-pelvis-and-low-back");
        Assert.Contains("<h1>Working the lateral pelvis and low back</h1>", html);
        Assert.Contains("<a href=\"/videos/sciatica-myofascial-release?t=530\">Sciatica myofascial release techniques, 8:50</a>", html);
        Assert.Contains("<a href=\"/videos/sciatica-myofascial-release?t=820\">Sciatica myofascial release techniques, 13:40</a>", html);
        Assert.Contains("href=\"/techniques?muscle=quadratus%20lumborum\">quadratus lumborum</a>", html);
        Assert.Contains("href=\"/techniques?region=low%20back\">low back</a>", html);
        await Html("/techniques/no-such-technique", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Techniques_index_filters_by_muscle_and_region()
    {
        var all = await Html("/techniques");
        Assert.Equal(11, Count(all, "<li>\n          <a href=\"/techniques/"));
        var piriformis = await Html("/techniques?muscle=Piriformis");
        Assert.Equal(6, Count(piriformis, "<li>\n          <a href=\"/techniques/"));
        var both = await Html("/techniques?muscle=piriformis&region=lateral+pelvis");
        Assert.Contains("href=\"/techniques/hip-in-abduction\"", both);
        Assert.Equal(1, Count(both, "<li>\n          <a href=\"/techniques/"));
        var none = await Html("/techniques?muscle=biceps");
        Assert.Contains("No published technique matches.", none);
    }

    private static int Count(string html, string marker) => html.ReplaceLineEndings("\n").Split(marker).Length - 1;
}
