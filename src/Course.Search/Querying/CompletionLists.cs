using System.Runtime.CompilerServices;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A segment's titles in completion order (techniques before chapters before videos, the schema's order, then the
/// shortest titles by the field's length norm), with each completion word's documents in that order and each title's
/// words. A completion walks the documents of its rarest word, or of the words the last one may be, from the best and
/// stops at the first titles that hold all the words typed: no query visits every document of a common word (a prefix
/// query for two letters, or several words with a common one, cost 0.5–2 ms at 100,000 documents). Built when a
/// searcher opens and kept as long as the segment; deletions are checked when the lists are read.
/// </summary>
internal sealed class CompletionLists
{
    private static readonly ConditionalWeakTable<object, CompletionLists> Cache = new();

    /// <summary>The completion words in ordinal order, so the words a beginning completes are one run of numbers.</summary>
    private readonly string[] words;

    /// <summary>Word w's documents, as places in completion order (ascending): <c>places[placeStarts[w]..placeStarts[w + 1]]</c>.</summary>
    private readonly int[] placeStarts;
    private readonly int[] places;

    /// <summary>The title at place p, as word numbers in title order: <c>titleWords[titleStarts[p]..titleStarts[p + 1]]</c>.</summary>
    private readonly int[] titleStarts;
    private readonly int[] titleWords;

    /// <summary>The document at each place and its key (the type's rank, then 255 − its length norm).</summary>
    private readonly int[] docs;
    private readonly int[] keys;

    /// <summary>
    /// The first two letters of the title's words at each place, as bits (<see cref="Beginning"/>): read in the order
    /// walked, they rule out most titles without reading their words, which lie scattered in memory.
    /// </summary>
    private readonly ulong[] beginnings;

    private CompletionLists(string[] words, int[] placeStarts, int[] places, int[] titleStarts, int[] titleWords, int[] docs, int[] keys)
    {
        this.words = words;
        this.placeStarts = placeStarts;
        this.places = places;
        this.titleStarts = titleStarts;
        this.titleWords = titleWords;
        this.docs = docs;
        this.keys = keys;
        beginnings = new ulong[docs.Length];
        var bits = words.Select(Beginning).ToArray();
        for (var place = 0; place < docs.Length; place++)
        {
            foreach (var word in Title(place)) beginnings[place] |= bits[word];
        }
    }

    /// <summary>
    /// A document of the segment, its place in the order of completions, and its title's words: titles with the same
    /// words in the same order differ only in case or punctuation, and are one completion.
    /// </summary>
    public readonly record struct Entry(int Key, int Doc, string Words) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Key != other.Key ? Key.CompareTo(other.Key) : Doc.CompareTo(other.Doc);

        public int Rank => Key >> 8;
    }

    public static CompletionLists Of(AtomicReader segment, IndexSchema schema) =>
        Cache.GetValue(segment.CoreCacheKey, _ => Build(segment, schema));

    /// <summary>The live documents whose titles hold every word of <paramref name="typed"/>, best first, one per title's words.</summary>
    public IEnumerable<Entry> Completing(TypedWords typed, IBits? live)
    {
        var whole = new int[typed.Whole.Count];
        for (var i = 0; i < whole.Length; i++)
        {
            whole[i] = Array.BinarySearch(words, typed.Whole[i], StringComparer.Ordinal);
            if (whole[i] < 0) yield break;
        }
        var begun = Runs(typed.Begun);
        if (typed.Begun.Count > 0 && begun.Count == 0) yield break;

        // Walk the fewest documents: those of the rarest whole word, or those of every word the last one may be.
        var rarest = whole.Length == 0 ? -1 : whole.MinBy(Count);
        var walked = rarest >= 0 && (begun.Count == 0 || Count(rarest) <= begun.Sum(r => placeStarts[r.To] - placeStarts[r.From]))
            ? Places(rarest)
            : Places(begun);
        var required = Required(typed);
        var shown = new List<int>();
        foreach (var place in walked)
        {
            if ((beginnings[place] & required) != required) continue;
            if (live is not null && !live.Get(docs[place])) continue;
            var title = Title(place);
            if (!HoldsAll(title, whole) || !HoldsOne(title, begun)) continue;
            if (Shown(shown, title)) continue;
            shown.Add(place);
            yield return new Entry(keys[place], docs[place], string.Join(' ', Words(place)));
        }
    }

    /// <summary>The beginnings a title must hold: every whole word's, and the last word's when its beginnings share theirs.</summary>
    private static ulong Required(TypedWords typed)
    {
        var required = 0UL;
        foreach (var word in typed.Whole) required |= Beginning(word);
        // A one-letter beginning is held by words of many beginnings.
        if (typed.Begun.Count > 0 && typed.Begun.All(b => b.Length >= 2 && b[0] == typed.Begun[0][0] && b[1] == typed.Begun[0][1]))
            required |= Beginning(typed.Begun[0]);
        return required;
    }

    /// <summary>One of 64 bits for a word's first two letters (first letter alone for a one-letter word).</summary>
    private static ulong Beginning(string word)
    {
        var letters = (uint)word[0] << 16 | (word.Length > 1 ? word[1] : 0u);
        return 1UL << (int)((letters * 0x9E3779B1u) >> 26);
    }

    private bool Shown(List<int> shown, ReadOnlySpan<int> title)
    {
        foreach (var place in shown)
        {
            if (Title(place).SequenceEqual(title)) return true;
        }
        return false;
    }

    private IEnumerable<string> Words(int place)
    {
        for (var i = titleStarts[place]; i < titleStarts[place + 1]; i++) yield return words[titleWords[i]];
    }

    private int Count(int word) => placeStarts[word + 1] - placeStarts[word];

    private ReadOnlySpan<int> Title(int place) => titleWords.AsSpan(titleStarts[place], titleStarts[place + 1] - titleStarts[place]);

    private static bool HoldsAll(ReadOnlySpan<int> title, int[] whole)
    {
        foreach (var word in whole)
        {
            if (!title.Contains(word)) return false;
        }
        return true;
    }

    private static bool HoldsOne(ReadOnlySpan<int> title, List<(int From, int To)> begun)
    {
        if (begun.Count == 0) return true;
        foreach (var word in title)
        {
            foreach (var (from, to) in begun)
            {
                if (word >= from && word < to) return true;
            }
        }
        return false;
    }

    /// <summary>The runs of word numbers that begin with one of <paramref name="beginnings"/>, joined where they overlap.</summary>
    private List<(int From, int To)> Runs(IReadOnlyList<string> beginnings)
    {
        var runs = new List<(int From, int To)>();
        foreach (var beginning in beginnings)
        {
            var at = Array.BinarySearch(words, beginning, StringComparer.Ordinal);
            var from = at >= 0 ? at : ~at;
            var to = from;
            while (to < words.Length && words[to].StartsWith(beginning, StringComparison.Ordinal)) to++;
            if (to > from) runs.Add((from, to));
        }
        runs.Sort();
        var joined = new List<(int From, int To)>();
        foreach (var run in runs)
        {
            if (joined.Count > 0 && run.From <= joined[^1].To) joined[^1] = (joined[^1].From, Math.Max(joined[^1].To, run.To));
            else joined.Add(run);
        }
        return joined;
    }

    private IEnumerable<int> Places(int word)
    {
        for (var i = placeStarts[word]; i < placeStarts[word + 1]; i++) yield return places[i];
    }

    /// <summary>The places of every word in <paramref name="runs"/> merged in order, each once.</summary>
    private IEnumerable<int> Places(List<(int From, int To)> runs)
    {
        // Each word's list as (next index into places, end of the list), by the place it is at.
        var next = new PriorityQueue<(int At, int End), int>();
        foreach (var (from, to) in runs)
        {
            for (var word = from; word < to; word++)
            {
                if (Count(word) > 0) next.Enqueue((placeStarts[word], placeStarts[word + 1]), places[placeStarts[word]]);
            }
        }
        var previous = -1;
        while (next.TryDequeue(out var list, out var place))
        {
            // A title holding two of the words comes from both lists.
            if (place != previous) yield return place;
            previous = place;
            if (list.At + 1 < list.End) next.Enqueue((list.At + 1, list.End), places[list.At + 1]);
        }
    }

    private static CompletionLists Build(AtomicReader segment, IndexSchema schema)
    {
        var keyOf = Keys(segment, schema);
        var docs = InCompletionOrder(keyOf);
        var placeOf = new int[docs.Length];
        for (var place = 0; place < docs.Length; place++) placeOf[docs[place]] = place;
        var keys = docs.Select(d => keyOf[d]).ToArray();

        // Every word occurrence of every document of the core (deletions change between readers of one segment).
        var terms = new List<string>();
        var field = segment.GetTerms(IndexSchema.SuggestField);
        var occurrences = new List<(int Place, int Position, int Term)>((int)Math.Max(0, field?.SumTotalTermFreq ?? 0));
        var titleStarts = new int[docs.Length + 1];
        if (field?.GetEnumerator() is { } enumerator)
        {
            DocsAndPositionsEnum? postings = null;
            while (enumerator.MoveNext())
            {
                postings = enumerator.DocsAndPositions(null, postings, DocsAndPositionsFlags.NONE);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    for (var i = postings.Freq; i > 0; i--) occurrences.Add((placeOf[doc], postings.NextPosition(), terms.Count));
                    titleStarts[placeOf[doc] + 1] += postings.Freq;
                }
                terms.Add(enumerator.Term.Utf8ToString());
            }
        }
        // Terms come in UTF-8 byte order; lookups compare strings ordinally (they differ only beyond the BMP).
        var order = Enumerable.Range(0, terms.Count).OrderBy(t => terms[t], StringComparer.Ordinal).ToArray();
        var wordOf = new int[terms.Count];
        for (var word = 0; word < order.Length; word++) wordOf[order[word]] = word;

        // Each title's words by place, then in title order: a few words each, so an insertion sort.
        for (var place = 0; place < docs.Length; place++) titleStarts[place + 1] += titleStarts[place];
        var titleWords = new int[occurrences.Count];
        var positions = new int[occurrences.Count];
        var filled = titleStarts[..^1];
        foreach (var (place, position, term) in occurrences)
        {
            var i = filled[place]++;
            for (; i > titleStarts[place] && positions[i - 1] > position; i--)
            {
                positions[i] = positions[i - 1];
                titleWords[i] = titleWords[i - 1];
            }
            positions[i] = position;
            titleWords[i] = wordOf[term];
        }

        // Each word's places, in order: walking the places in order lists them so.
        // Each word's places, in order: walking the places in order lists them so, and a word twice in a title
        // ("pin and pin") is listed once.
        var placeStarts = new int[terms.Count + 1];
        var lastPlace = new int[terms.Count];
        Array.Fill(lastPlace, -1);
        for (var place = 0; place < docs.Length; place++)
        {
            foreach (var word in titleWords.AsSpan(titleStarts[place]..titleStarts[place + 1]))
            {
                if (lastPlace[word] == place) continue;
                lastPlace[word] = place;
                placeStarts[word + 1]++;
            }
        }
        for (var word = 0; word < terms.Count; word++) placeStarts[word + 1] += placeStarts[word];
        var places = new int[placeStarts[^1]];
        var next = placeStarts[..^1];
        for (var place = 0; place < docs.Length; place++)
        {
            foreach (var word in titleWords.AsSpan(titleStarts[place]..titleStarts[place + 1]))
            {
                if (next[word] > placeStarts[word] && places[next[word] - 1] == place) continue;
                places[next[word]++] = place;
            }
        }
        return new CompletionLists([.. order.Select(t => terms[t])], placeStarts, places, titleStarts, titleWords, docs, keys);
    }

    /// <summary>The segment's documents sorted by key, then number: a counting sort, as keys are small.</summary>
    private static int[] InCompletionOrder(int[] keyOf)
    {
        var starts = new int[(keyOf.Length == 0 ? 0 : keyOf.Max()) + 2];
        foreach (var key in keyOf) starts[key + 1]++;
        for (var key = 1; key < starts.Length; key++) starts[key] += starts[key - 1];
        var docs = new int[keyOf.Length];
        for (var doc = 0; doc < keyOf.Length; doc++) docs[starts[keyOf[doc]]++] = doc;
        return docs;
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

/// <summary>
/// What a completed title must hold: every <see cref="Whole"/> word, and unless <see cref="Begun"/> is empty a word
/// beginning with one of its entries (the word being typed, or the words a misspelt one may have been meant to begin).
/// </summary>
internal sealed record TypedWords(IReadOnlyList<string> Whole, IReadOnlyList<string> Begun);
