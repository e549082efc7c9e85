using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A segment's facet ordinals decoded once into flat arrays: reading them per matching document from doc values
/// costs several milliseconds on queries that match most of the index. Segments never change (deletions do not
/// move ordinals), so the arrays live as long as the segment's core.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals?>> Cache = new();

    private readonly Dictionary<string, int> ordinalOf;

    private SegmentOrdinals(int[] starts, int[] ordinals, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Values = values;
        Single = SingleOrdinals(starts, ordinals);
        Documents = DocumentsOf(starts, ordinals, values.Length);
        ordinalOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var ord = 0; ord < values.Length; ord++) ordinalOf[values[ord]] = ord;
    }

    /// <summary>Document d's ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Ordinals { get; }
    /// <summary>Each ordinal's value, so counting needs no doc values lookup.</summary>
    public string[] Values { get; }

    /// <summary>
    /// When no document has two values (the type): document d's ordinal plus one (0 for none), so counting a
    /// document is one array read instead of a loop.
    /// </summary>
    public int[]? Single { get; }

    /// <summary>
    /// Each ordinal's documents: a filter is then the union of a few sets, and a value's count over a large match set
    /// one intersection count, whatever the number of matches.
    /// </summary>
    public FixedBitSet[] Documents { get; }

    public int ValueCount => Values.Length;

    /// <summary>The ordinals of those of <paramref name="values"/> the segment has.</summary>
    public int[] OrdinalsOf(IEnumerable<string> values) =>
        [.. values.Select(v => ordinalOf.GetValueOrDefault(v, -1)).Where(o => o >= 0)];

    /// <summary>The field's ordinals in the segment, or null when no document of it has the field.</summary>
    public static SegmentOrdinals? Of(AtomicReader segment, string field) =>
        Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals?>())
            .GetOrAdd(field, f => Decode(segment, f));

    private static int[]? SingleOrdinals(int[] starts, int[] ordinals)
    {
        var single = new int[starts.Length - 1];
        for (var doc = 0; doc < single.Length; doc++)
        {
            var count = starts[doc + 1] - starts[doc];
            if (count > 1) return null;
            single[doc] = count == 0 ? 0 : ordinals[starts[doc]] + 1;
        }
        return single;
    }

    private static FixedBitSet[] DocumentsOf(int[] starts, int[] ordinals, int valueCount)
    {
        var maxDoc = starts.Length - 1;
        var documents = new FixedBitSet[valueCount];
        for (var ord = 0; ord < valueCount; ord++) documents[ord] = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++) documents[ordinals[i]].Set(doc);
        }
        return documents;
    }

    private static SegmentOrdinals? Decode(AtomicReader segment, string field)
    {
        if (segment.GetSortedSetDocValues(field) is not { } values) return null;
        var starts = new int[segment.MaxDoc + 1];
        var ordinals = new List<int>(segment.MaxDoc * 2);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ordinals.Add((int)ord);
        }
        starts[segment.MaxDoc] = ordinals.Count;
        var text = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < text.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            text[ord] = scratch.Utf8ToString();
        }
        return new SegmentOrdinals(starts, [.. ordinals], text);
    }
}

/// <summary>
/// Reads what searches keep per segment (facet ordinals, spelling terms, completion lists), so no search waits for it.
/// The writer also runs it on the merge thread for each merged segment before searchers can see it (Lucene's merged
/// segment warmer): the caches are per segment core, which the next searcher shares, so the change whose reopen first
/// shows the merge does not pay for the merged segment's warm-up.
/// </summary>
internal sealed class SegmentWarmer(IndexSchema schema) : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader segment)
    {
        foreach (var field in schema.Facets) SegmentOrdinals.Of(segment, field);
        foreach (var field in QueryBuilder.SpelledFields(schema)) Spellings.Warm(segment, field);
        CompletionLists.Of(segment, schema);
    }
}

/// <summary>Warms every segment of a new searcher that is not warm yet (see <see cref="SegmentWarmer"/>).</summary>
internal sealed class WarmingSearcherFactory(SegmentWarmer warmer) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) warmer.Warm(leaf.AtomicReader);
        return new StatisticsCachingSearcher(reader);
    }
}

/// <summary>
/// A searcher that works out each field's collection statistics once: every term of every query asks for them, and on
/// an index of several segments Lucene merges the segments' fields anew each time (a twentieth of a search on the seed
/// course). A searcher's reader never changes, so neither do they.
/// </summary>
internal sealed class StatisticsCachingSearcher(IndexReader reader) : IndexSearcher(reader)
{
    private readonly ConcurrentDictionary<string, CollectionStatistics> statistics = new(StringComparer.Ordinal);

    public override CollectionStatistics CollectionStatistics(string field) =>
        statistics.GetOrAdd(field, static (f, searcher) => searcher.ComputeCollectionStatistics(f), this);

    private CollectionStatistics ComputeCollectionStatistics(string field) => base.CollectionStatistics(field);
}
