using System.Numerics;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// One pass over the query's matches that filters on facet values, hands the hits to the top-docs collector and
/// counts facet values. Counts drill sideways: a field's counts ignore that field's own filter, so choosing
/// "chapter" still shows how many techniques match, and picking another value stays possible.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    /// <summary>
    /// Lucene's out-of-order disjunction scorer (BooleanScorer) sets up a table of 2,048 buckets per segment and query,
    /// about 100 KiB: it pays on large segments, not on a course-sized index or a fresh near-real-time segment.
    /// </summary>
    private const int OutOfOrderMinDocs = 8192;

    private readonly ICollector hits;
    private readonly string[] fields;
    private readonly string[][] filters;
    private readonly bool filtered;
    private readonly Dictionary<string, int>[] totals;

    // Per segment: each field's ordinals (with their values), its filter's ordinals and its counts by ordinal, and
    // the documents that pass every filter, counted in every field once the segment is done (a tight loop per field
    // instead of one interleaved with scoring).
    private readonly SegmentOrdinals?[] ordinals;
    private readonly int[][] accepted;
    private readonly int[][] counts;
    private FixedBitSet? passing;
    private int segmentSize;

    public FacetCollector(ICollector hits, IReadOnlyList<string> fields, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        this.hits = hits;
        this.fields = fields.ToArray();
        this.filters = this.fields
            .Select(f => filters.TryGetValue(f, out var v) ? v.Select(LuceneDocuments.NormalizeTag).ToArray() : [])
            .ToArray();
        filtered = this.filters.Any(f => f.Length > 0);
        totals = this.fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        ordinals = new SegmentOrdinals?[this.fields.Length];
        accepted = new int[this.fields.Length][];
        counts = new int[this.fields.Length][];
    }

    /// <summary>Documents that matched the query and every filter.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder && segmentSize >= OutOfOrderMinDocs;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FoldCounts();
        segmentSize = context.AtomicReader.MaxDoc;
        passing = new FixedBitSet(segmentSize);
        for (var f = 0; f < fields.Length; f++)
        {
            var segment = SegmentOrdinals.Of(context.AtomicReader, fields[f]);
            ordinals[f] = segment;
            counts[f] = new int[segment?.ValueCount ?? 0];
            accepted[f] = segment is null || filters[f].Length == 0 ? [] : segment.OrdinalsOf(filters[f]);
        }
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        if (filtered)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                if (filters[f].Length == 0 || HasAccepted(f, doc)) continue;
                if (failed >= 0) return;
                failed = f;
            }
        }
        if (failed < 0)
        {
            Total++;
            passing!.Set(doc);
            hits.Collect(doc);
        }
        // Failing only its own filter, a document still counts for that field's other values.
        else if (ordinals[failed] is { } segment)
        {
            Count(segment, counts[failed], doc);
        }
    }

    /// <summary>Counts per field, most frequent first, at most <paramref name="limit"/> values each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets(int limit)
    {
        FoldCounts();
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(fields.Length, StringComparer.Ordinal);
        for (var f = 0; f < fields.Length; f++)
        {
            var list = new List<FacetCount>(totals[f].Count);
            foreach (var (value, count) in totals[f]) list.Add(new FacetCount(value, count));
            list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
            if (list.Count > limit) list.RemoveRange(limit, list.Count - limit);
            facets[fields[f]] = list;
        }
        return facets;
    }

    private bool HasAccepted(int f, int doc)
    {
        if (ordinals[f] is not { } segment) return false;
        for (var i = segment.Starts[doc]; i < segment.Starts[doc + 1]; i++)
        {
            if (Array.IndexOf(accepted[f], segment.Ordinals[i]) >= 0) return true;
        }
        return false;
    }

    private static void Count(SegmentOrdinals segment, int[] fieldCounts, int doc)
    {
        for (var i = segment.Starts[doc]; i < segment.Starts[doc + 1]; i++) fieldCounts[segment.Ordinals[i]]++;
    }

    // Segment ordinals only mean something within their segment: turn them into values before moving on.
    private void FoldCounts()
    {
        if (passing is null) return;
        for (var f = 0; f < fields.Length; f++)
        {
            if (ordinals[f] is not { } segment) continue;
            var fieldCounts = counts[f];
            if (segment.Single is { } single) CountSingle(single, fieldCounts, passing);
            else CountMany(segment, fieldCounts, passing);
            for (var ord = 0; ord < fieldCounts.Length; ord++)
            {
                if (fieldCounts[ord] == 0) continue;
                var value = segment.Values[ord];
                totals[f][value] = totals[f].GetValueOrDefault(value) + fieldCounts[ord];
            }
            ordinals[f] = null;
        }
        passing = null;
    }

    // The passing documents are read a bitset word at a time: queries that match most of a large index count tens of
    // thousands of them per field.
    private static void CountSingle(int[] single, int[] fieldCounts, FixedBitSet passing)
    {
        var words = passing.GetBits();
        for (var word = 0; word < words.Length; word++)
        {
            for (var bits = words[word]; bits != 0; bits &= bits - 1)
            {
                // Ordinal + 1, 0 for a document without a value.
                var ordinal = single[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                if (ordinal > 0) fieldCounts[ordinal - 1]++;
            }
        }
    }

    private static void CountMany(SegmentOrdinals segment, int[] fieldCounts, FixedBitSet passing)
    {
        var starts = segment.Starts;
        var ords = segment.Ordinals;
        var words = passing.GetBits();
        for (var word = 0; word < words.Length; word++)
        {
            for (var bits = words[word]; bits != 0; bits &= bits - 1)
            {
                var doc = (word << 6) + BitOperations.TrailingZeroCount(bits);
                for (var i = starts[doc]; i < starts[doc + 1]; i++) fieldCounts[ords[i]]++;
            }
        }
    }
}
