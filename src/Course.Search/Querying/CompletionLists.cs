using System.Runtime.CompilerServices;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A segment's completion words in order, each with its best documents for a completion: techniques before chapters
/// before videos (the schema's order), then the shortest titles (by the field's length norm). A word being typed ("pi")
/// is completed from the lists of the words it begins, instead of a prefix query that visits every document of every
/// such word (most of a large index for two letters: 1–2 ms at 100,000 documents). Built when a searcher opens and
/// kept as long as the segment; deletions are checked when the lists are read.
/// </summary>
internal sealed class CompletionLists
{
    /// <summary>Documents kept per word: room for a full list of completions when titles repeat.</summary>
    public const int PerWord = 32;

    private static readonly ConditionalWeakTable<object, CompletionLists> Cache = new();

    private readonly string[] words;
    private readonly Entry[][] best;
    private readonly bool[] cut;

    private CompletionLists(string[] words, Entry[][] best, bool[] cut)
    {
        this.words = words;
        this.best = best;
        this.cut = cut;
    }

    /// <summary>A document and its place in the order: the type's rank, then 255 − its length norm (shorter first).</summary>
    public readonly record struct Entry(int Key, int Doc) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Key != other.Key ? Key.CompareTo(other.Key) : Doc.CompareTo(other.Doc);

        public int Rank => Key >> 8;
    }

    public static CompletionLists Of(AtomicReader segment, IndexSchema schema) =>
        Cache.GetValue(segment.CoreCacheKey, _ => Build(segment, schema));

    /// <summary>
    /// Adds the live documents listed under <paramref name="word"/> (or every word it begins, unless
    /// <paramref name="whole"/>) to <paramref name="found"/>, numbered from <paramref name="docBase"/>, and lowers
    /// <paramref name="exactUpTo"/> to the last entry of any list that was cut: up to there, nothing is missing.
    /// </summary>
    public void Collect(string word, bool whole, int docBase, IBits? live, List<Entry> found, ref Entry exactUpTo)
    {
        var at = Array.BinarySearch(words, word, StringComparer.Ordinal);
        var first = at >= 0 ? at : ~at;
        for (var w = first; w < words.Length && (whole ? w == at : words[w].StartsWith(word, StringComparison.Ordinal)); w++)
        {
            var list = best[w];
            foreach (var entry in list)
            {
                if (live is null || live.Get(entry.Doc)) found.Add(entry with { Doc = docBase + entry.Doc });
            }
            if (!cut[w]) continue;
            var last = list[^1] with { Doc = docBase + list[^1].Doc };
            if (last.CompareTo(exactUpTo) < 0) exactUpTo = last;
        }
    }

    private static CompletionLists Build(AtomicReader segment, IndexSchema schema)
    {
        var terms = segment.GetTerms(IndexSchema.SuggestField);
        if (terms is null) return new CompletionLists([], [], []);
        var keys = Keys(segment, schema);
        var words = new List<string>();
        var best = new List<Entry[]>();
        var cut = new List<bool>();
        var top = new Entry[PerWord];
        DocsEnum? docs = null;
        var enumerator = terms.GetEnumerator();
        while (enumerator.MoveNext())
        {
            // Every document of the core: deletions change between readers of one segment, so they are checked when read.
            docs = enumerator.Docs(null, docs, DocsFlags.NONE);
            var count = 0;
            var overflow = false;
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var entry = new Entry(keys[doc], doc);
                if (count == PerWord)
                {
                    overflow = true;
                    // Documents come in order, so an equal key loses to the one kept.
                    if (entry.CompareTo(top[PerWord - 1]) >= 0) continue;
                    count--;
                }
                var i = count++;
                for (; i > 0 && entry.CompareTo(top[i - 1]) < 0; i--) top[i] = top[i - 1];
                top[i] = entry;
            }
            words.Add(enumerator.Term.Utf8ToString());
            best.Add(top[..count]);
            cut.Add(overflow);
        }
        // Terms come in UTF-8 byte order; lookups compare strings ordinally (they differ only beyond the BMP).
        var order = Enumerable.Range(0, words.Count).OrderBy(i => words[i], StringComparer.Ordinal).ToArray();
        return new CompletionLists([.. order.Select(i => words[i])], [.. order.Select(i => best[i])], [.. order.Select(i => cut[i])]);
    }

    // Each document's place in the order of completions.
    private static int[] Keys(AtomicReader segment, IndexSchema schema)
    {
        var types = SegmentOrdinals.Of(segment, IndexSchema.CategoryField);
        var unranked = schema.Categories.Count;
        var ranks = schema.Categories.Select((category, rank) => (category, rank)).ToDictionary(c => c.category, c => c.rank, StringComparer.Ordinal);
        var rankOf = types?.Values.Select(v => ranks.GetValueOrDefault(v, unranked)).ToArray() ?? [];
        var norms = segment.GetNormValues(IndexSchema.SuggestField);
        var keys = new int[segment.MaxDoc];
        for (var doc = 0; doc < keys.Length; doc++)
        {
            var rank = types is null || types.Starts[doc] == types.Starts[doc + 1] ? unranked : rankOf[types.Ordinals[types.Starts[doc]]];
            // A norm is a byte, larger for shorter fields.
            var norm = norms is null ? 0 : (int)(norms.Get(doc) & 0xFF);
            keys[doc] = (rank << 8) | (255 - norm);
        }
        return keys;
    }
}
