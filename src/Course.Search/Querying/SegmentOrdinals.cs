using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// A segment's facet ordinals decoded once into flat arrays: reading them per matching document from doc values
/// costs several milliseconds on queries that match most of the index. Segments never change (deletions do not
/// move ordinals), so the arrays live as long as the segment's core.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals?>> Cache = new();

    private SegmentOrdinals(int[] starts, int[] ordinals, int valueCount)
    {
        Starts = starts;
        Ordinals = ordinals;
        ValueCount = valueCount;
    }

    /// <summary>Document d's ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Ordinals { get; }
    public int ValueCount { get; }

    /// <summary>The field's ordinals in the segment, or null when no document of it has the field.</summary>
    public static SegmentOrdinals? Of(AtomicReader segment, string field) =>
        Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals?>())
            .GetOrAdd(field, f => Decode(segment, f));

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
        return new SegmentOrdinals(starts, [.. ordinals], (int)values.ValueCount);
    }
}

/// <summary>Reads what searches keep per segment (facet ordinals, spelling terms) when a searcher opens, so no search waits for it.</summary>
internal sealed class WarmingSearcherFactory(IndexSchema schema) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            foreach (var field in schema.Facets) SegmentOrdinals.Of(leaf.AtomicReader, field);
            foreach (var field in QueryBuilder.SpelledFields(schema)) Spellings.Warm(leaf.AtomicReader, field);
        }
        return base.NewSearcher(reader);
    }
}
