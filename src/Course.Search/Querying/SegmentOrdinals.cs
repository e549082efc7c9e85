using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A segment's facet values, numbered in term order, with each value's documents and each document's values, read once
/// from the facet's values field (<see cref="IndexSchema.ValuesField"/>): reading them per matching document costs
/// several milliseconds on queries that match most of the index. Segments never change (deletions do not move
/// postings), so the arrays live as long as the segment's core.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals?>> Cache = new();

    private readonly Dictionary<string, int> ordinalOf;

    private SegmentOrdinals(string[] values, FixedBitSet[] documents, int maxDoc)
    {
        Values = values;
        Documents = documents;
        (Starts, Ordinals) = OrdinalsPerDocument(documents, maxDoc);
        Single = SingleOrdinals(Starts, Ordinals);
        ordinalOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var ord = 0; ord < values.Length; ord++) ordinalOf[values[ord]] = ord;
    }

    /// <summary>Document d's ordinals, ascending, are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Ordinals { get; }
    /// <summary>Each ordinal's value, so counting needs no term lookup.</summary>
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
            .GetOrAdd(field, f => Read(segment, f));

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

    // Inverts the values' document sets: a count of each document's values, their running sum as starts, then each
    // value placed at its documents' next free slot (in ordinal order, so each document's ordinals ascend).
    private static (int[] Starts, int[] Ordinals) OrdinalsPerDocument(FixedBitSet[] documents, int maxDoc)
    {
        var starts = new int[maxDoc + 1];
        foreach (var docs in documents) ForEachDocument(docs, doc => starts[doc + 1]++);
        for (var doc = 0; doc < maxDoc; doc++) starts[doc + 1] += starts[doc];
        var next = (int[])starts.Clone();
        var ordinals = new int[starts[maxDoc]];
        for (var ord = 0; ord < documents.Length; ord++) ForEachDocument(documents[ord], doc => ordinals[next[doc]++] = ord);
        return (starts, ordinals);
    }

    private static void ForEachDocument(FixedBitSet docs, Action<int> visit)
    {
        var iterator = docs.GetIterator();
        for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc()) visit(doc);
    }

    // Deleted documents keep their values, as in the postings: searches never match them, so they are never counted.
    private static SegmentOrdinals? Read(AtomicReader segment, string field)
    {
        if (segment.GetTerms(IndexSchema.ValuesField(field)) is not { } terms) return null;
        var values = new List<string>();
        var documents = new List<FixedBitSet>();
        var enumerator = terms.GetEnumerator();
        DocsEnum? postings = null;
        while (enumerator.MoveNext())
        {
            values.Add(enumerator.Term.Utf8ToString());
            postings = enumerator.Docs(null, postings, DocsFlags.NONE);
            var docs = new FixedBitSet(segment.MaxDoc);
            docs.Or(postings);
            documents.Add(docs);
        }
        return new SegmentOrdinals([.. values], [.. documents], segment.MaxDoc);
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
internal sealed class StatisticsCachingSearcher : IndexSearcher
{
    public StatisticsCachingSearcher(IndexReader reader) : base(reader) => Similarity = TfIdfScoring.Instance;

    private readonly ConcurrentDictionary<string, CollectionStatistics> statistics = new(StringComparer.Ordinal);

    public override CollectionStatistics CollectionStatistics(string field) =>
        statistics.GetOrAdd(field, static (f, searcher) => searcher.ComputeCollectionStatistics(f), this);

    private CollectionStatistics ComputeCollectionStatistics(string field) => base.CollectionStatistics(field);
}
