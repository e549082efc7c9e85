using AngleSharp.Html.Parser;
using Course.Core.Content;
using Course.Rendering;

namespace Course.Web.Tests.Comments;

public sealed class CommentHtmlTests
{
    private static readonly Video Video = new()
    {
        Key = Guid.NewGuid(), Title = "Sample", Slug = "sample", Source = "/media/sample.webm", Duration = 1260,
    };

    private static readonly HashSet<string> AllowedElements = ["p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre"];
    private static readonly HashSet<string> AllowedAttributes = ["href", "rel", "start", "data-seek"];

    private readonly CommentHtml html = new();

    public static TheoryData<string> Attacks =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "*<b onmouseover=alert(1)>x</b>*",
        "\"><script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](<javascript:alert(1)>)",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[click](jav&#x09;ascript:alert(1))",
        "[click](jav&#x0A;ascript:alert(1))",
        "[click](java%73cript:alert(1))",
        "[click](\\javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](DATA:text/html,<script>alert(1)</script>)",
        "[click](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "![x](https://evil.example/pixel.gif)",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "<!-- <script>alert(1)</script> -->",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attacks_leave_only_allowed_elements_attributes_and_link_schemes(string body)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html.Render(body, Video)}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
                Assert.DoesNotContain("javascript", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
            if (element.GetAttribute("href") is { } href)
            {
                Assert.True(IsSafeLink(href), $"unsafe href '{href}' from '{body}'");
                Assert.Equal(CommentHtml.LinkRel, element.GetAttribute("rel"));
            }
        }
    }

    // What a browser would follow: a site-relative address, or http(s)/mailto once tabs and newlines
    // (which browsers drop from URLs) are removed.
    private static bool IsSafeLink(string href)
    {
        var squeezed = new string(href.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim();
        if (!Uri.TryCreate(new Uri("https://site.example/videos/sample"), squeezed, out var resolved)) return false;
        return resolved.Scheme is "http" or "https" or "mailto";
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var rendered = html.Render("<script>alert(1)</script> and <b>bold</b>", Video);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", rendered);
        Assert.DoesNotContain("<script", rendered);
        Assert.DoesNotContain("<b>", rendered);
    }

    [Fact]
    public void The_markdown_subset_renders_and_links_are_nofollow_ugc_noopener()
    {
        var rendered = html.Render("**Strong** and _soft_, `code`, [a link](https://example.com/x), https://example.org\n\n- one\n- two\n\n3. three\n\n```\nfenced code\n```", Video);
        Assert.Contains("<strong>Strong</strong>", rendered);
        Assert.Contains("<em>soft</em>", rendered);
        Assert.Contains("<code>code</code>", rendered);
        Assert.Contains("<a href=\"https://example.com/x\" rel=\"nofollow ugc noopener\">a link</a>", rendered);
        Assert.Contains("<a href=\"https://example.org\" rel=\"nofollow ugc noopener\">https://example.org</a>", rendered);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", rendered);
        Assert.Contains("<ol start=\"3\">", rendered);
        Assert.Contains("<pre><code>fenced code\n</code></pre>", rendered);
    }

    [Fact]
    public void Headings_rules_quotes_and_images_stay_out()
    {
        var rendered = html.Render("# Big\n\n---\n\n> quoted\n\n![alt](https://example.com/a.png)", Video);
        Assert.DoesNotContain("<h1", rendered);
        Assert.DoesNotContain("<hr", rendered);
        Assert.DoesNotContain("<blockquote", rendered);
        Assert.DoesNotContain("<img", rendered);
        Assert.Contains("# Big", rendered);
        Assert.Contains("href=\"https://example.com/a.png\"", rendered);
    }

    [Fact]
    public void Line_breaks_are_kept()
    {
        Assert.Equal("<p>first<br>\nsecond</p>\n", html.Render("first\nsecond", Video));
    }

    [Fact]
    public void Written_times_within_the_video_link_the_player_there()
    {
        var rendered = html.Render("See 13:15, 0:05 and 21:00, not 1:02:03 (past the end) nor 12:345 or 99:99.", Video);
        Assert.Contains(TimeLink(795, "13:15"), rendered);
        Assert.Contains(TimeLink(5, "0:05"), rendered);
        Assert.Contains(TimeLink(1260, "21:00"), rendered);
        Assert.Equal(3, rendered.Split("data-seek=").Length - 1);
        Assert.Contains("1:02:03 (past the end)", rendered);
    }

    [Fact]
    public void Times_inside_links_and_code_stay_as_written()
    {
        var rendered = html.Render("[at 13:15](https://example.com/) and `13:15` and\n\n    13:15", Video);
        Assert.DoesNotContain("data-seek", rendered);
    }

    [Fact]
    public void Times_are_linked_inside_emphasis_and_lists()
    {
        var rendered = html.Render("*from 2:05*\n\n- 3:10 here", Video);
        Assert.Contains($"<em>from {TimeLink(125, "2:05")}</em>", rendered);
        Assert.Contains($"<li>{TimeLink(190, "3:10")} here</li>", rendered);
    }

    [Fact]
    public void Without_a_known_duration_every_time_links()
    {
        var rendered = html.Render("at 1:02:03", Video with { Duration = null });
        Assert.Contains(TimeLink(3723, "1:02:03"), rendered);
    }

    private static string TimeLink(int second, string text) =>
        $"<a href=\"/videos/sample?t={second}\" data-seek=\"{second}\" rel=\"nofollow ugc noopener\">{text}</a>";
}
