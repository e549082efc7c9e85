using System.Net;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Course.Search.Querying;

/// <summary>
/// Cuts the passage of a hit's text that best matches the query, HTML-encoded with matches in <c>&lt;mark&gt;</c>;
/// the text's opening when no word matches there.
/// </summary>
internal sealed partial class Snippets
{
    private const int Length = 180;
    private const int MaxAnalyzed = 4_000;

    private readonly Analyzer analyzer;
    private readonly string field;
    private readonly Highlighter highlighter;

    /// <param name="query">the query rewritten once against the reader, so no multi-term query is expanded again for every hit</param>
    public Snippets(Analyzer analyzer, string field, Query query)
    {
        this.analyzer = analyzer;
        this.field = field;
        // Marks the query's terms. QueryScorer would also check phrase positions, building an in-memory index of
        // every hit's text (a tenth of the search time, measured): the phrase's words are marked either way.
        highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlText(), new QueryTermScorer(query, field))
        {
            TextFragmenter = new SimpleFragmenter(Length),
            // Re-analyzing a long description per hit is the cost of highlighting; the best passage is rarely far in.
            MaxDocCharsToAnalyze = MaxAnalyzed,
        };
    }

    public string For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var best = highlighter.GetBestFragment(analyzer, field, text);
        // Line breaks of a table of contents or paragraphs mean nothing inside a one-line snippet.
        return Whitespace().Replace(best ?? Opening(text), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Opening(string text)
    {
        if (text.Length <= Length) return WebUtility.HtmlEncode(text.Trim());
        var cut = text.LastIndexOf(' ', Length);
        return WebUtility.HtmlEncode(text[..(cut > Length / 2 ? cut : Length)].Trim()) + "…";
    }
}

/// <summary>Encodes the text between marks as HTML does (Lucene's encoder also escapes '/', which nothing needs).</summary>
internal sealed class HtmlText : IEncoder
{
    public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
}
