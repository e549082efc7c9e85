using AngleSharp.Dom;
using Course.Core.Chapters;
using Course.Core.Content;
using Ganss.Xss;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Rendering;

/// <summary>
/// Turns a comment's text into safe HTML: a small Markdown subset (paragraphs, line breaks, emphasis,
/// links, lists, code) with raw HTML disabled, times such as <c>13:15</c> linked to that second of the
/// video, then an allow-list sanitiser as the second wall. Every link gets <c>rel="nofollow ugc noopener"</c>.
/// Its own project: presentation shared by the Course site and the Umbraco package, keeping Markdig and HtmlSanitizer out of the domain.
/// Thread-safe: one instance serves every request.
/// </summary>
public sealed class CommentHtml
{
    public const string LinkRel = "nofollow ugc noopener";

    private readonly MarkdownPipeline markdown;
    private readonly HtmlSanitizer sanitizer;

    public CommentHtml()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak();
        // Headings, rules and quotes have no place in a comment: their markers stay as typed.
        builder.BlockParsers.RemoveAll(parser => parser is HeadingBlockParser or ThematicBreakParser or QuoteBlockParser);
        markdown = builder.Build();

        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in new[] { "p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre" }) options.AllowedTags.Add(tag);
        foreach (var attribute in new[] { "href", "start", "data-seek" }) options.AllowedAttributes.Add(attribute);
        foreach (var scheme in new[] { "http", "https", "mailto" }) options.AllowedSchemes.Add(scheme);
        options.UriAttributes.Add("href");
        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link) link.SetAttribute("rel", LinkRel);
        };
    }

    public string Render(string body, Video video)
    {
        var document = Markdown.Parse(body, markdown);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage)) image.IsImage = false;
        LinkTimes(document, video);
        return sanitizer.Sanitize(Markdown.ToHtml(document, markdown));
    }

    /// <summary>Replaces each time written in plain text (not in links or code) by a link that jumps the player there.</summary>
    private static void LinkTimes(MarkdownDocument document, Video video)
    {
        foreach (var literal in document.Descendants<LiteralInline>().Where(l => !InsideLink(l)).ToList())
        {
            var runs = TimeMentions.Split(literal.Content.ToString());
            if (!runs.Any(r => r.Seconds is int second && Within(video, second))) continue;
            Inline last = literal;
            foreach (var run in runs)
            {
                Inline next = run.Seconds is int second && Within(video, second) ? TimeLink(video, run.Text, second) : new LiteralInline(run.Text);
                last.InsertAfter(next);
                last = next;
            }
            literal.Remove();
        }
    }

    private static LinkInline TimeLink(Video video, string text, int second)
    {
        var link = new LinkInline(ContentUrls.VideoAt(video, second), "");
        link.AppendChild(new LiteralInline(text));
        // player.js handles clicks on a[data-seek] anywhere on the page; without script the href reloads at ?t=.
        link.GetAttributes().AddProperty("data-seek", second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return link;
    }

    private static bool Within(Video video, int second) => video.Duration is not int duration || second <= duration;

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return true;
        return false;
    }
}
