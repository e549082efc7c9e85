using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Course.Search.Querying;

/// <summary>
/// A hit's text as the snippet needs it, analysed once (<see cref="StoredHits"/> keeps it): where each of its terms
/// occurs. Re-analysing every hit's text for every query was a quarter of a search's fixed cost.
/// </summary>
internal sealed partial class SnippetText
{
    /// <summary>Only the opening is analysed: the best passage is rarely far in, and long descriptions stay cheap.</summary>
    public const int MaxAnalyzed = 4_000;

    /// <summary>A passage's length in characters.</summary>
    public const int Length = 180;

    public static readonly SnippetText None = new("", false, new Dictionary<string, int[]>());

    private SnippetText(string text, bool cut, Dictionary<string, int[]> occurrences)
    {
        Text = text;
        Cut = cut;
        Occurrences = occurrences;
        Opening = OpeningOf(text, cut);
    }

    /// <summary>The text's opening, its whitespace runs made single spaces (a snippet is one line).</summary>
    public string Text { get; }

    /// <summary>Whether the text went on after <see cref="Text"/>.</summary>
    public bool Cut { get; }

    /// <summary>The snippet when no word of the query is in the text: its opening passage.</summary>
    public string Opening { get; }

    /// <summary>Each analysed term's occurrences in <see cref="Text"/>, as start and end offsets one after another.</summary>
    public IReadOnlyDictionary<string, int[]> Occurrences { get; }

    public static SnippetText Analyze(Analyzer analyzer, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        // Line breaks of a table of contents or paragraphs mean nothing inside a one-line snippet.
        var line = Whitespace().Replace(text.Length > MaxAnalyzed ? text[..MaxAnalyzed] : text, " ").Trim();
        var found = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        using (var stream = analyzer.GetTokenStream(field, line))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var key = term.ToString();
                if (!found.TryGetValue(key, out var list)) found[key] = list = [];
                list.Add(offset.StartOffset);
                list.Add(offset.EndOffset);
            }
            stream.End();
        }
        return new SnippetText(line, text.Length > MaxAnalyzed, found.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));
    }

    private static string OpeningOf(string text, bool cut)
    {
        if (text.Length <= Length) return WebUtility.HtmlEncode(text) + (cut ? "…" : "");
        var end = text.LastIndexOf(' ', Length);
        return WebUtility.HtmlEncode(text[..(end > Length / 2 ? end : Length)].TrimEnd()) + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>
/// Cuts the passage of a hit's text that best matches the query, HTML-encoded with matches in <c>&lt;mark&gt;</c>;
/// the text's opening when no word matches there. The best passage holds the most (by weight) of the query's distinct
/// terms, as Lucene's <see cref="QueryTermScorer"/> scores fragments; its terms come from the same extractor.
/// </summary>
internal sealed class Snippets
{
    private const int Length = SnippetText.Length;
    /// <summary>Words shown before the first match, so a passage does not open on it.</summary>
    private const int LeadIn = 30;
    /// <summary>Snippets kept: every hit of a course site in the word combinations of many searches (about 4 MB).</summary>
    private const int Kept = 8192;

    /// <summary>Snippets cut, by hit text and the query's terms found in it with their weights: all that a snippet depends on.</summary>
    // Search-as-you-type asks again for the same hits holding the same words with each keystroke, each time as a new
    // query; cutting and encoding snippets was a tenth of what a first-seen search allocated. Kept when asked again: a
    // key holds its hit's analysed text, which a snippet asked once would keep alive long after its hit.
    private static readonly KeptWhenAskedAgain<(SnippetText Text, string Found), string> Cut = new(Kept);

    private readonly WeightedTerm[] terms;

    /// <param name="query">the query rewritten once against the reader, so its multi-term parts are plain terms</param>
    public Snippets(string field, Query query)
    {
        // A term met in several clauses counts once, at its highest weight, as QueryTermScorer counts it.
        terms = QueryTermExtractor.GetTerms(query, false, field)
            .GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => g.MaxBy(t => t.Weight)!).ToArray();
    }

    public string For(SnippetText text)
    {
        if (text.Text.Length == 0) return "";
        var found = Found(text);
        if (found.Length == 0) return text.Opening;
        return Cut.GetOrMake((text, found), static (key, snippets) => snippets.Passage(key.Text), this);
    }

    // The query's terms the text holds, in the query's order, each with its weight; empty when none.
    private string Found(SnippetText text)
    {
        StringBuilder? found = null;
        foreach (var term in terms)
        {
            if (!text.Occurrences.ContainsKey(term.Term)) continue;
            (found ??= new StringBuilder()).Append(term.Term).Append(' ').Append(term.Weight).Append('\n');
        }
        return found?.ToString() ?? "";
    }

    private string Passage(SnippetText text)
    {
        var matches = Matches(text);
        var (first, last) = Best(matches);
        var begin = first == 0 ? 0 : WordStart(text.Text, Math.Max(0, matches[first].Start - LeadIn), matches[first].Start);
        var end = Math.Max(matches[last].End, WordEnd(text.Text, begin + Length));
        var html = new StringBuilder(end - begin + 64);
        if (begin > 0) html.Append('…');
        var at = begin;
        foreach (var match in matches)
        {
            if (match.Start < Math.Max(begin, at) || match.End > end) continue;
            html.Append(WebUtility.HtmlEncode(text.Text[at..match.Start])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(text.Text[match.Start..match.End])).Append("</mark>");
            at = match.End;
        }
        html.Append(WebUtility.HtmlEncode(text.Text[at..end]));
        if (end < text.Text.Length || text.Cut) html.Append('…');
        return html.ToString();
    }

    private readonly record struct Match(int Start, int End, int Term);

    private List<Match> Matches(SnippetText text)
    {
        var matches = new List<Match>();
        for (var t = 0; t < terms.Length; t++)
        {
            if (!text.Occurrences.TryGetValue(terms[t].Term, out var offsets)) continue;
            for (var i = 0; i < offsets.Length; i += 2) matches.Add(new Match(offsets[i], offsets[i + 1], t));
        }
        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>The run of matches within one passage's length holding the most weight of distinct terms; the earliest of equals.</summary>
    private (int First, int Last) Best(List<Match> matches)
    {
        var best = (First: 0, Last: 0, Score: -1f);
        var seen = new HashSet<int>();
        for (var first = 0; first < matches.Count; first++)
        {
            seen.Clear();
            var score = 0f;
            var last = first;
            for (var i = first; i < matches.Count && matches[i].End - matches[first].Start <= Length; i++)
            {
                if (seen.Add(matches[i].Term)) score += terms[matches[i].Term].Weight;
                last = i;
            }
            if (score > best.Score) best = (first, last, score);
        }
        return (best.First, best.Last);
    }

    // The start of the word at or after `from` (not past `limit`), so a passage never opens mid-word.
    private static int WordStart(string text, int from, int limit)
    {
        var space = text.IndexOf(' ', from, limit - from);
        return space < 0 ? limit : space + 1;
    }

    // The end of the word at `at`, or the text's end.
    private static int WordEnd(string text, int at)
    {
        if (at >= text.Length) return text.Length;
        var space = text.IndexOf(' ', at);
        return space < 0 ? text.Length : space;
    }
}
