using System.Numerics;
using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// A search's text made ready to score against one snapshot of the index: the query, its normalized Lucene weight,
/// its clauses with their keys and the snippet terms. Building these (analysis, the query's term lookups, and
/// above all each phrase weight's own walk of every segment's term dictionary) was paid again by every search;
/// popular searches recur, and a snapshot never changes, so each text is prepared once per snapshot.
/// </summary>
internal sealed class PreparedQueries(IndexSchema schema, QueryBuilder builder, Lucene.Net.Analysis.Analyzer analyzer)
{
    private readonly AnalyzedWords words = new(analyzer, schema.TitleField);

    /// <summary>Texts kept per snapshot: the recurring searches of a site, a few KiB each.</summary>
    private const int Capacity = 2048;

    private readonly ConditionalWeakTable<IndexReader, Kept> perReader = new();

    /// <summary>The prepared query for the (already cut) text; null when the text holds no searchable word.</summary>
    public PreparedQuery? For(IndexSearcher searcher, string text)
    {
        var kept = perReader.GetValue(searcher.IndexReader, _ => new Kept());
        if (kept.Prepared.TryGet(text, out var prepared)) return prepared;
        prepared = Prepare(searcher, text);
        // Kept the second time a text is asked: most keystrokes are asked once, and keeping each one's query and weight
        // made them outlive the request (promoted, then collected as old objects) for nothing.
        if (kept.Asked.Again(text)) kept.Prepared.AddOrUpdate(text, prepared);
        return prepared;
    }

    private sealed class Kept
    {
        public ConcurrentLru<string, PreparedQuery?> Prepared { get; } = new(Capacity);

        public AskedTexts Asked { get; } = new(Capacity);
    }

    private PreparedQuery? Prepare(IndexSearcher searcher, string typed)
    {
        var text = QueryText.Analyze(typed, words);
        if (text.IsEmpty) return null;
        var query = builder.Build(text, searcher);
        return new PreparedQuery(query, searcher.CreateNormalizedWeight(query), searcher, schema.SnippetField);
    }
}

/// <summary>
/// Which texts were asked lately, by their hash codes, each in two slots chosen by the hash: no text is kept, and a text
/// asked again finds its hash in either slot unless other texts took both since. An LRU of the texts cost a first-seen
/// search an insertion and an eviction under its locks, for a question a hash answers. With one slot, two texts that
/// shared it and were asked in turn pushed each other out for ever (a search page's 463 keystrokes asked round and round
/// kept 5 % fewer of them than the LRU did).
/// </summary>
internal sealed class AskedTexts
{
    private readonly int[] hashes;
    private readonly int shift;

    /// <param name="texts">about how many texts are asked between two askings of one (the slots are eight times as many)</param>
    public AskedTexts(int texts)
    {
        hashes = new int[BitOperations.RoundUpToPowerOf2((uint)texts * 8)];
        shift = 32 - BitOperations.Log2((uint)hashes.Length);
    }

    /// <summary>Whether the text was asked lately; it counts as asked from now on.</summary>
    public bool Again(string text)
    {
        var hash = text.GetHashCode();
        // Threads may race on a slot: an int is written whole, and a lost write only makes a text count as new once more.
        ref var first = ref hashes[hash & (hashes.Length - 1)];
        ref var second = ref hashes[(int)(((uint)hash * 0x9E3779B9u) >> shift)]; // the product's high bits: another slot
        // The first slot's index holds the lowest bit, so setting it tells an empty slot (0) from a hash of 0.
        var mark = hash | 1;
        var again = first == mark || second == mark;
        first = mark;
        second = mark;
        return again;
    }
}

/// <summary>
/// The query and its weight for one snapshot (scorers of any segment, on any thread, come from it). The clause keys and
/// snippet terms are made on first use: most keystrokes are asked once, match few documents or none, and never need
/// leaders or snippets, so making them up front cost a first-seen search more than the old path did.
/// </summary>
internal sealed class PreparedQuery(Query query, Weight weight, IndexSearcher searcher, string snippetField)
{
    private IReadOnlyList<KeyedClause>? clauses;
    private Snippets? snippets;

    public Query Query => query;

    public Weight Weight => weight;

    /// <summary>The clauses whose leaders can lead the search (<see cref="ClauseLeaders"/>).</summary>
    // Two threads may both make them: the lists are equal, and the last one kept is as good as the first.
    public IReadOnlyList<KeyedClause> Clauses => clauses ??= [.. ClauseLeaders.Clauses(query).Select(clause => new KeyedClause(clause, clause.ToString()))];

    public Snippets Snippets => snippets ??= new Snippets(snippetField, searcher.Rewrite(query));
}

/// <summary>A clause and its key among kept leaders: its text (fields, words, boosts), since not every query type compares by value.</summary>
internal sealed record KeyedClause(Query Query, string Key);
