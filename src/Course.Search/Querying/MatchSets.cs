using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// The documents of a segment that a query matches, as a bitset, found without scoring: the exact total and the facet
/// counts come from it, so only the documents that can rank need a score. Words in any field, synonyms and
/// corrections are unions of postings; required phrases intersect them.
/// </summary>
internal static class MatchSets
{
    /// <summary>
    /// The segment's live documents that match, and, for a query of several optional clauses, those that match the
    /// most of them, at most about <paramref name="fullestLimit"/> (else null): coord multiplies a score by the share of clauses matched, so these are the
    /// likeliest to lead even when no single clause puts them first.
    /// </summary>
    public static (FixedBitSet Matches, FixedBitSet? Fullest) Of(IndexSearcher searcher, Query query, AtomicReaderContext leaf, int fullestLimit)
    {
        var matches = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        FixedBitSet? fullest = null;
        if (query is BooleanQuery { MinimumNumberShouldMatch: 0 } boolean && boolean.Clauses.Count > 1 && boolean.Clauses.All(c => c.Occur == Occur.SHOULD))
        {
            var levels = new ClauseLevels(boolean.Clauses.Count, matches.Length);
            foreach (var clause in boolean.Clauses)
            {
                var one = new FixedBitSet(matches.Length);
                Add(searcher, clause.Query, leaf, one, matches);
                levels.Add(one);
                matches.Or(one);
            }
            fullest = levels.Fullest(fullestLimit);
        }
        else
        {
            Add(searcher, query, leaf, matches, null);
        }
        RemoveDeleted(matches, leaf.AtomicReader.LiveDocs);
        fullest?.And(matches);
        return (matches, fullest);
    }

    // Known: documents already found to match the whole query, which a phrase need not check again.
    private static void Add(IndexSearcher searcher, Query query, AtomicReaderContext leaf, FixedBitSet into, FixedBitSet? known)
    {
        switch (query)
        {
            case TermQuery term:
                TermDocs.Of(leaf.AtomicReader).AddTo(leaf.AtomicReader, term.Term, into);
                break;
            case DisjunctionMaxQuery best:
                foreach (var disjunct in best.Disjuncts) Add(searcher, disjunct, leaf, into, known);
                break;
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0 && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT):
                var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
                if (required.Count == 0)
                {
                    foreach (var clause in boolean.Clauses) Add(searcher, clause.Query, leaf, into, known);
                    break;
                }
                // With required clauses the optional ones only score.
                FixedBitSet? all = null;
                foreach (var clause in required)
                {
                    var one = new FixedBitSet(into.Length);
                    Add(searcher, clause.Query, leaf, one, null);
                    if (all is null) all = one;
                    else all.And(one);
                }
                into.Or(all!);
                break;
            case PhraseQuery phrase when phrase.Slop == 0:
                AddPhrase(searcher, phrase, leaf, into, known);
                break;
            default:
                AddScored(searcher, query, leaf, null, into);
                break;
        }
    }

    /// <summary>
    /// A phrase can only match where all its words are, and in a union it adds only documents not matched yet (the
    /// bonus for the words in order never does): positions are read for those alone. Common phrases are kept whole.
    /// </summary>
    private static void AddPhrase(IndexSearcher searcher, PhraseQuery phrase, AtomicReaderContext leaf, FixedBitSet into, FixedBitSet? known)
    {
        var segment = leaf.AtomicReader;
        var terms = TermDocs.Of(segment);
        var key = PhraseKey(phrase);
        if (terms.Cached(key) is { } cached)
        {
            into.Or(cached);
            return;
        }
        FixedBitSet? all = null;
        foreach (var term in phrase.GetTerms())
        {
            var docs = new FixedBitSet(segment.MaxDoc);
            terms.AddTo(segment, term, docs);
            if (all is null) all = docs;
            else all.And(docs);
        }
        if (all is null) return;
        if (all.Cardinality >= segment.MaxDoc / TermDocs.DenseFraction)
        {
            var found = new FixedBitSet(segment.MaxDoc);
            AddScored(searcher, phrase, leaf, all, found);
            terms.Keep(key, found);
            into.Or(found);
            return;
        }
        all.AndNot(into);
        if (known is not null) all.AndNot(known);
        if (all.Cardinality > 0) AddScored(searcher, phrase, leaf, all, into);
    }

    private static string PhraseKey(PhraseQuery phrase) =>
        string.Join(' ', phrase.GetTerms().Zip(phrase.GetPositions(), (t, p) => $"{t.Field}:{t.Text}@{p}"));

    // Where the query's scorer goes among the accepted documents: its positions decide.
    private static void AddScored(IndexSearcher searcher, Query query, AtomicReaderContext leaf, IBits? accepted, FixedBitSet into)
    {
        if (searcher.CreateNormalizedWeight(query).GetScorer(leaf, accepted) is { } scorer) into.Or(scorer);
    }

    public static void RemoveDeleted(FixedBitSet matches, IBits? live)
    {
        if (live is null) return;
        for (var doc = matches.NextSetBit(0); doc >= 0; doc = doc + 1 < matches.Length ? matches.NextSetBit(doc + 1) : -1)
        {
            if (!live.Get(doc)) matches.Clear(doc);
        }
    }
}

/// <summary>Which documents match at least k of n clauses, for every k, built a clause at a time.</summary>
internal sealed class ClauseLevels(int clauses, int maxDoc)
{
    // atLeast[k - 1]: the documents matching at least k of the clauses added so far.
    private readonly FixedBitSet?[] atLeast = new FixedBitSet?[clauses];
    private int added;

    public void Add(FixedBitSet clause)
    {
        var docs = clause.GetBits();
        added++;
        for (var k = added; k >= 2; k--)
        {
            var into = (atLeast[k - 1] ??= new FixedBitSet(maxDoc)).GetBits();
            var below = atLeast[k - 2]!.GetBits();
            for (var word = 0; word < into.Length; word++) into[word] |= below[word] & docs[word];
        }
        (atLeast[0] ??= new FixedBitSet(maxDoc)).Or(clause);
    }

    /// <summary>
    /// The documents matching the most clauses, as many levels down as stay within <paramref name="limit"/>
    /// documents; null when even those matching every clause are more.
    /// </summary>
    public FixedBitSet? Fullest(int limit)
    {
        for (var k = 1; k <= added; k++)
        {
            if (atLeast[k - 1] is { } docs && docs.Cardinality <= limit) return docs;
        }
        return null;
    }
}

/// <summary>
/// A segment's common terms (and phrases) as bitsets, kept while the segment lives: a word in half the documents is then one pass
/// over 1,600 machine words instead of 50,000 postings per search. Rare terms read their postings each time, which
/// costs less than keeping them. Deletions do not change a segment's postings, so the sets hold until it is merged away.
/// </summary>
internal sealed class TermDocs
{
    /// <summary>Terms kept per segment: the common words of many thousands of queries (at most 12.5 KiB each per 100,000 documents).</summary>
    private const int Capacity = 2048;

    private static readonly ConditionalWeakTable<object, TermDocs> PerSegment = new();

    /// <summary>A set is kept once its term is in more than one document in this many.</summary>
    public const int DenseFraction = 32;

    private readonly ConcurrentLru<string, FixedBitSet> common = new(Capacity);

    public static TermDocs Of(AtomicReader segment) => PerSegment.GetValue(segment.CoreCacheKey, _ => new TermDocs());

    /// <summary>Adds the segment's documents holding the term, deleted ones included (the caller removes those).</summary>
    public void AddTo(AtomicReader segment, Term term, FixedBitSet into)
    {
        var key = term.ToString();
        if (common.TryGet(key, out var cached))
        {
            into.Or(cached);
            return;
        }
        var terms = segment.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes)) return;
        var postings = terms.Docs(null, null, DocsFlags.NONE);
        // A set pays for itself once it is denser than its own size in postings (a bit per document against ~an int per posting).
        if (terms.DocFreq < segment.MaxDoc / DenseFraction)
        {
            into.Or(postings);
            return;
        }
        var docs = new FixedBitSet(segment.MaxDoc);
        docs.Or(postings);
        common.AddOrUpdate(key, docs);
        into.Or(docs);
    }

    /// <summary>A phrase's documents, if kept.</summary>
    public FixedBitSet? Cached(string phrase) => common.TryGet(phrase, out var docs) ? docs : null;

    public void Keep(string phrase, FixedBitSet docs) => common.AddOrUpdate(phrase, docs);
}
