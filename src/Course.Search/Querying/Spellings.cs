using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Course.Search.Querying;

/// <summary>
/// Close spellings of a word among a field's terms, for words the index does not know. Lucene's FuzzyQuery builds
/// Levenshtein automata per field and query (8–35 ms for a long word with two edits, measured at 100,000
/// documents); comparing the word with the segment's terms of the same first letter and a similar length takes
/// well under a millisecond. Each segment's terms are read once and kept as long as the segment.
/// </summary>
internal static class Spellings
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Dictionary<char, string[]>>> Cache = new();

    /// <summary>
    /// Terms of <paramref name="field"/> within <paramref name="maxEdits"/> edits of <paramref name="word"/> (an adjacent
    /// swap counts as one), sharing its first letter, with Lucene's fuzzy similarity: 1 − edits ÷ the shorter length.
    /// </summary>
    public static IReadOnlyDictionary<string, float> Near(IndexReader reader, string field, string word, int maxEdits)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        if (maxEdits == 0 || word.Length == 0) return found;
        foreach (var leaf in reader.Leaves)
        {
            if (!TermsOf(leaf.AtomicReader, field).TryGetValue(word[0], out var terms)) continue;
            foreach (var term in terms)
            {
                if (Math.Abs(term.Length - word.Length) > maxEdits || found.ContainsKey(term)) continue;
                var edits = Distance(word, term, maxEdits);
                if (edits <= maxEdits) found[term] = 1f - (float)edits / Math.Min(word.Length, term.Length);
            }
        }
        return found;
    }

    /// <summary>
    /// Terms of <paramref name="field"/> that complete a prefix within <paramref name="maxEdits"/> edits of
    /// <paramref name="prefix"/> and share its first letter ("pirfi" → "piriformis"), with the similarity of the
    /// closest prefix; for completions of a word still being typed.
    /// </summary>
    public static IReadOnlyDictionary<string, float> Completing(IndexReader reader, string field, string prefix, int maxEdits)
    {
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        if (maxEdits == 0 || prefix.Length == 0) return found;
        foreach (var leaf in reader.Leaves)
        {
            if (!TermsOf(leaf.AtomicReader, field).TryGetValue(prefix[0], out var terms)) continue;
            foreach (var term in terms)
            {
                if (term.Length < prefix.Length - maxEdits || found.ContainsKey(term)) continue;
                var edits = PrefixDistance(prefix, term, maxEdits);
                if (edits <= maxEdits) found[term] = 1f - (float)edits / prefix.Length;
            }
        }
        return found;
    }

    /// <summary>The fewest edits that turn <paramref name="prefix"/> into a prefix of <paramref name="term"/>, or more than <paramref name="max"/>.</summary>
    public static int PrefixDistance(string prefix, string term, int max)
    {
        var best = max + 1;
        for (var length = Math.Max(1, prefix.Length - max); length <= Math.Min(term.Length, prefix.Length + max); length++)
            best = Math.Min(best, Distance(prefix, term.AsSpan(0, length), max));
        return best;
    }

    /// <summary>Warms a new segment's terms, so no search waits for them.</summary>
    public static void Warm(AtomicReader segment, string field) => TermsOf(segment, field);

    private static Dictionary<char, string[]> TermsOf(AtomicReader segment, string field) =>
        Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, Dictionary<char, string[]>>())
            .GetOrAdd(field, f => Read(segment, f));

    private static Dictionary<char, string[]> Read(AtomicReader segment, string field)
    {
        var terms = new List<string>();
        if (segment.GetTerms(field)?.GetEnumerator() is { } enumerator)
        {
            while (enumerator.MoveNext()) terms.Add(enumerator.Term.Utf8ToString());
        }
        return terms.Where(t => t.Length > 0).GroupBy(t => t[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Optimal string alignment distance, giving up (returning more than <paramref name="max"/>) once a row exceeds it.</summary>
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        // Three rows on the stack: this runs for thousands of terms per misspelt word.
        Span<int> rows = b.Length < 128 ? stackalloc int[3 * (b.Length + 1)] : new int[3 * (b.Length + 1)];
        var previous2 = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.Length];
    }
}
