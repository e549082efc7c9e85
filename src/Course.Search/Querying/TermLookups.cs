using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// Each term's place in a reader's segments (a <see cref="TermContext"/>), looked up once per reader and shared by
/// the queries that use it: whether a word is known, and the term queries that score it, then need no further walk of
/// the term dictionary. The lookups were a sixth of a search's fixed cost, and most of its allocation (each walk builds
/// a terms enumerator per segment). A reader never changes; a new one (after a change) starts its own.
/// </summary>
internal sealed class TermLookups
{
    /// <summary>Terms kept per reader: the words of many thousands of queries.</summary>
    private const int Capacity = 8192;

    private static readonly ConditionalWeakTable<IndexReader, TermLookups> PerReader = new();

    private readonly ConcurrentLru<Term, TermContext> contexts = new(Capacity);

    private TermLookups(IndexReader reader) => Reader = reader;

    public IndexReader Reader { get; }

    public static TermLookups Of(IndexReader reader) => PerReader.GetValue(reader, r => new TermLookups(r));

    public TermContext Of(Term term) => contexts.GetOrAdd(term, static (t, reader) => TermContext.Build(reader.Context, t), Reader);

    /// <summary>Whether any document of the reader holds the term.</summary>
    public bool Holds(Term term) => Of(term).DocFreq > 0;
}

internal static class QueryBoost
{
    public static T WithBoost<T>(this T query, float boost) where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
