using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Search.Querying;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Content;

/// <summary>
/// Points a transcript hit at the second its words are said: of the passage's cues, the one holding most of the
/// words the snippet marks (the earliest on a tie) gives the hit its <c>start</c>, its <c>?t=</c> url and a title
/// naming the time and the chapter ("At 13:15, in Body mechanics for lazy myofascial release").
/// </summary>
public static partial class TranscriptHits
{
    public static SearchResults Locate(SearchResults results) =>
        results.Hits.Any(h => h.Category == CourseIndexSchema.Transcript) ? results with { Hits = results.Hits.Select(Locate).ToList() } : results;

    public static SearchHit Locate(SearchHit hit)
    {
        if (hit.Category != CourseIndexSchema.Transcript || hit.Text(VideoSlug) is not { } slug) return hit;
        var best = SaidMost(ReadCues(hit.Text(Cues) ?? ""), MarkedWords(hit.Snippet)) ?? hit.Number(Start) ?? 0;
        var chapter = hit.Text(ChapterTitle);
        var values = new Dictionary<string, object>(hit.Values, StringComparer.Ordinal)
        {
            [Start] = best,
            [Url] = best > 0 ? $"/videos/{slug}?t={best}" : $"/videos/{slug}",
            [Title] = string.IsNullOrEmpty(chapter) ? $"At {new Timestamp(best)}" : $"At {new Timestamp(best)}, in {chapter}",
        };
        return hit with { Values = values };
    }

    /// <summary>The second of the cue that says most of the words, the earliest of equals; null without cues.</summary>
    private static int? SaidMost(Cue[] cues, List<string> words)
    {
        int? best = null;
        var most = -1;
        foreach (var cue in cues)
        {
            var said = 0;
            foreach (var word in words) if (Says(cue.Text, word)) said++;
            if (said > most) (best, most) = (cue.Second, said);
        }
        return best;
    }

    /// <summary>The words the snippet marks, each once (in any case).</summary>
    private static List<string> MarkedWords(string snippet)
    {
        var words = new List<string>();
        foreach (Match mark in Marked().Matches(snippet))
        {
            var word = WebUtility.HtmlDecode(mark.Groups[1].Value);
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase)) words.Add(word);
        }
        return words;
    }

    /// <summary>The cues as the index stores them: a line each, the start second and the plain text, tab-separated.</summary>
    public static string WriteCues(IEnumerable<CaptionCue> cues) =>
        string.Join('\n', cues.Select(c => $"{c.StartSecond.ToString(CultureInfo.InvariantCulture)}\t{c.PlainText}"));

    private readonly record struct Cue(int Second, string Text);

    // A passage's cues are read once while its stored text lives (StoredHits keeps one string per hit): splitting them
    // again for every search that showed the passage was most of locating it.
    private static readonly ConditionalWeakTable<string, Cue[]> Read = new();

    private static Cue[] ReadCues(string stored) => Read.GetValue(stored, static text =>
    [
        .. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 2)).Where(p => p.Length == 2)
            .Select(p => new Cue(int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0, p[1])),
    ]);

    /// <summary>Whether the text holds the word whole, in any case.</summary>
    // Not a regex per word: the words differ from search to search, past Regex's cache of 15, and building one per hit
    // cost more than the rest of the hit.
    private static bool Says(string text, string word)
    {
        if (word.Length == 0) return false;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !IsWordCharacter(text[at - 1])) && (end == text.Length || !IsWordCharacter(text[end]))) return true;
        }
        return false;
    }

    // What a regex's \w matches: letters, decimal digits, non-spacing marks and connectors.
    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation;

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marked();
}
