using System.Runtime.CompilerServices;
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

    private readonly ConditionalWeakTable<IndexReader, KeptWhenAskedAgain<string, PreparedQuery?>> perReader = new();

    /// <summary>The prepared query for the (already cut) text; null when the text holds no searchable word.</summary>
    public PreparedQuery? For(IndexSearcher searcher, string text)
    {
        // Kept the second time a text is asked: most keystrokes are asked once.
        var kept = perReader.GetValue(searcher.IndexReader, _ => new KeptWhenAskedAgain<string, PreparedQuery?>(Capacity));
        return kept.GetOrMake(text, static (text, args) => args.This.Prepare(args.searcher, text), (This: this, searcher));
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
