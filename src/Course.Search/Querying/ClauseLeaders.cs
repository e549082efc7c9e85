using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// A query clause's best documents on its own (a word in its best field, a synonym, a phrase), among those that pass
/// the filters: the documents that can lead a search are among its clauses' leaders, so only those need the whole
/// query's score. A word recurs in many queries, so most searches find their clauses' leaders kept: per reader, merged
/// from each segment's own best, which are kept per segment core. A change then scores a clause only in its new
/// segments: the order within a segment hardly moves with the index's statistics, which change every score of a
/// clause alike, nearly.
/// </summary>
internal sealed class ClauseLeaders
{
    /// <summary>Documents kept per clause: far more than a page, few enough to score at once.</summary>
    public const int Depth = 128;

    /// <summary>Clauses kept per reader: the words and phrases of thousands of queries.</summary>
    private const int Capacity = 4096;

    private static readonly ConditionalWeakTable<IndexReader, ClauseLeaders> PerReader = new();
    // Kept when asked again: a first-seen query's own clauses (its phrase, most of its words together) recur seldom.
    private static readonly ConditionalWeakTable<object, KeptWhenAskedAgain<(string Clause, string Filters), (int Doc, float Score)[]>> PerSegment = new();

    private readonly KeptWhenAskedAgain<(string Clause, string Filters), int[]> lists = new(Capacity);

    public static ClauseLeaders Of(IndexReader reader) => PerReader.GetValue(reader, _ => new ClauseLeaders());

    /// <summary>The leaders of each of the query's clauses (and of most of them together), as index-wide document numbers.</summary>
    public IEnumerable<int[]> Of(IndexSearcher searcher, IReadOnlyList<KeyedClause> clauses, FacetCounts filters) =>
        clauses.Select(clause => lists.GetOrMake((clause.Key, filters.Key), static (key, args) => Merged(args.searcher, args.clause.Query, key, args.filters), (searcher, clause, filters)));

    /// <summary>
    /// Each clause, and the whole query over the documents that match all its optional clauses but one: coord
    /// multiplies a score by the share of clauses matched, so a document with every word (but maybe the bonus for
    /// their order) can lead without leading any one clause.
    /// </summary>
    public static IEnumerable<Query> Clauses(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            yield return query;
            yield break;
        }
        foreach (var clause in boolean.Clauses) yield return clause.Query;
        var optional = boolean.Clauses.Count(c => c.Occur == Occur.SHOULD);
        if (optional < 3) yield break;
        var most = (BooleanQuery)boolean.Clone();
        most.MinimumNumberShouldMatch = optional - 1;
        yield return most;
    }

    // The index's best: each segment's own best (the segments' shares of it), by score.
    private static int[] Merged(IndexSearcher searcher, Query clause, (string Clause, string Filters) key, FacetCounts filters)
    {
        Weight? weight = null;
        var best = new List<(int Doc, float Score)>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var kept = PerSegment.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new KeptWhenAskedAgain<(string, string), (int, float)[]>(Capacity))
                .GetOrMake(key, _ => Find(weight ??= searcher.CreateNormalizedWeight(clause), leaf, filters));
            best.AddRange(kept.Select(d => (leaf.DocBase + d.Doc, d.Score)));
        }
        return [.. best.OrderByDescending(d => d.Score).Take(Depth).Select(d => d.Doc)];
    }

    // The segment's best, by their numbers in the segment (deletions since then are left out of the candidates later).
    private static (int Doc, float Score)[] Find(Weight weight, AtomicReaderContext leaf, FacetCounts filters)
    {
        var accepted = filters.Filter(leaf.AtomicReader);
        if (accepted is not null) MatchSets.RemoveDeleted(accepted, leaf.AtomicReader.LiveDocs);
        var top = TopScoreDocCollector.Create(Depth, docsScoredInOrder: true);
        top.SetNextReader(leaf);
        weight.GetBulkScorer(leaf, scoreDocsInOrder: true, accepted ?? leaf.AtomicReader.LiveDocs)?.Score(top);
        return [.. top.GetTopDocs().ScoreDocs.Select(d => (d.Doc - leaf.DocBase, d.Score))];
    }
}
