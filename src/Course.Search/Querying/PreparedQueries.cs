using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
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
    /// <summary>Texts kept per snapshot: the recurring searches of a site, a few KiB each.</summary>
    private const int Capacity = 2048;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentLru<string, PreparedQuery?>> perReader = new();

    /// <summary>The prepared query for the (already cut) text; null when the text holds no searchable word.</summary>
    public PreparedQuery? For(IndexSearcher searcher, string text) =>
        perReader.GetValue(searcher.IndexReader, _ => new ConcurrentLru<string, PreparedQuery?>(Capacity))
            .GetOrAdd(text, static (t, args) => args.self.Prepare(args.searcher, t), (self: this, searcher));

    private PreparedQuery? Prepare(IndexSearcher searcher, string typed)
    {
        var text = QueryText.Analyze(typed, analyzer, schema.TitleField);
        if (text.IsEmpty) return null;
        var query = builder.Build(text, searcher.IndexReader);
        return new PreparedQuery(
            query,
            searcher.CreateNormalizedWeight(query),
            [.. ClauseLeaders.Clauses(query).Select(clause => new KeyedClause(clause, clause.ToString()))],
            new Snippets(schema.SnippetField, searcher.Rewrite(query)));
    }
}

/// <param name="Weight">the query's weight for the snapshot: scorers of any segment, on any thread, come from it</param>
/// <param name="Clauses">the clauses whose leaders can lead the search (<see cref="ClauseLeaders"/>)</param>
internal sealed record PreparedQuery(Query Query, Weight Weight, IReadOnlyList<KeyedClause> Clauses, Snippets Snippets);

/// <summary>A clause and its key among kept leaders: its text (fields, words, boosts), since not every query type compares by value.</summary>
internal sealed record KeyedClause(Query Query, string Key);
