using System.Numerics;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// The total and the facet counts of a search, from each segment's set of matching documents (no scoring). Counts
/// drill sideways: a field's counts ignore that field's own filter, so choosing "chapter" still shows how many
/// techniques match, and picking another value stays possible.
/// </summary>
internal sealed class FacetCounts
{
    private readonly string[] fields;
    private readonly string[][] filters;
    private readonly Dictionary<string, int>[] totals;
    private string? key;

    public FacetCounts(IReadOnlyList<string> fields, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        this.fields = fields.ToArray();
        this.filters = this.fields
            .Select(f => filters.TryGetValue(f, out var v) ? v.Select(LuceneDocuments.NormalizeTag).ToArray() : [])
            .ToArray();
        totals = this.fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Documents that matched the query and every filter.</summary>
    public int Total { get; private set; }

    /// <summary>The filters in one string, the same for the same filters in any order.</summary>
    // Made when asked: only a search over more documents than are all scored needs it (to key its clauses' leaders).
    public string Key => key ??= string.Join('\n', fields.Select((f, i) => f + "=" + string.Join('|', filters[i].Order(StringComparer.Ordinal))));

    /// <summary>The segment's documents that hold an accepted value of every filtered field, or null without filters.</summary>
    public FixedBitSet? Filter(AtomicReader segment)
    {
        var accepted = Accepted(segment);
        return accepted.FirstOrDefault(a => a is not null) is { } first ? Within(first, accepted) : null;
    }

    /// <summary>Counts a segment's matching documents; returns those that pass every filter (the ones to rank).</summary>
    public FixedBitSet Count(AtomicReader segment, FixedBitSet matches)
    {
        var accepted = Accepted(segment);
        var passing = accepted.Any(a => a is not null) ? Within(matches.Clone(), accepted) : matches;
        var passingCount = (int)passing.Cardinality;
        Total += passingCount;
        for (var f = 0; f < fields.Length; f++)
        {
            if (SegmentOrdinals.Of(segment, fields[f]) is not { } ordinals) continue;
            if (accepted[f] is null)
            {
                Count(ordinals, totals[f], passing, passingCount);
                continue;
            }
            // Failing only its own field's filter, a document still counts for that field's other values.
            var sideways = Within(matches.Clone(), accepted, except: f);
            Count(ordinals, totals[f], sideways, (int)sideways.Cardinality);
        }
        return passing;
    }

    /// <summary>Counts per field, most frequent first, at most <paramref name="limit"/> values each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets(int limit)
    {
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

    // Keeps in the documents those every field's filter accepts (all but one field's, drilling sideways).
    private static FixedBitSet Within(FixedBitSet docs, FixedBitSet?[] accepted, int except = -1)
    {
        for (var f = 0; f < accepted.Length; f++)
        {
            if (f != except && accepted[f] is { } field) docs.And(field);
        }
        return docs;
    }

    // Per field, the documents with one of the filter's values (null for a field without a filter). A value the
    // segment lacks accepts nothing.
    private FixedBitSet?[] Accepted(AtomicReader segment)
    {
        var accepted = new FixedBitSet?[fields.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            if (filters[f].Length == 0) continue;
            var docs = new FixedBitSet(segment.MaxDoc);
            if (SegmentOrdinals.Of(segment, fields[f]) is { } ordinals)
            {
                foreach (var ord in ordinals.OrdinalsOf(filters[f])) docs.Or(ordinals.Documents[ord]);
            }
            accepted[f] = docs;
        }
        return accepted;
    }

    // Segment ordinals only mean something within their segment: counts become values before the next one.
    private static void Count(SegmentOrdinals ordinals, Dictionary<string, int> into, FixedBitSet docs, int docCount)
    {
        var counts = new int[ordinals.ValueCount];
        // A value's count is one intersection over the whole segment, a document's a few array reads: intersect when
        // the documents outnumber what intersecting costs (about eight set bits per intersected machine word).
        if ((long)docCount * 8 >= (long)ordinals.ValueCount * docs.GetBits().Length)
        {
            for (var ord = 0; ord < counts.Length; ord++) counts[ord] = (int)BitCounts.Intersection(docs, ordinals.Documents[ord]);
        }
        else if (ordinals.Single is { } single) CountSingle(single, counts, docs);
        else CountMany(ordinals, counts, docs);
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0) continue;
            var value = ordinals.Values[ord];
            into[value] = into.GetValueOrDefault(value) + counts[ord];
        }
    }

    private static void CountSingle(int[] single, int[] counts, FixedBitSet docs)
    {
        var words = docs.GetBits();
        for (var word = 0; word < words.Length; word++)
        {
            for (var bits = words[word]; bits != 0; bits &= bits - 1)
            {
                // Ordinal + 1, 0 for a document without a value.
                var ordinal = single[(word << 6) + BitOperations.TrailingZeroCount(bits)];
                if (ordinal > 0) counts[ordinal - 1]++;
            }
        }
    }

    private static void CountMany(SegmentOrdinals segment, int[] counts, FixedBitSet docs)
    {
        var starts = segment.Starts;
        var ords = segment.Ordinals;
        var words = docs.GetBits();
        for (var word = 0; word < words.Length; word++)
        {
            for (var bits = words[word]; bits != 0; bits &= bits - 1)
            {
                var doc = (word << 6) + BitOperations.TrailingZeroCount(bits);
                for (var i = starts[doc]; i < starts[doc + 1]; i++) counts[ords[i]]++;
            }
        }
    }
}
