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
    /// <summary>The segment's live documents that match.</summary>
    public static FixedBitSet Of(IndexSearcher searcher, Query query, AtomicReaderContext leaf)
    {
        var matches = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        Add(searcher, query, leaf, matches);
        RemoveDeleted(matches, leaf.AtomicReader.LiveDocs);
        return matches;
    }

    /// <summary>Whether any document of the index holds the phrase (found as a search's match sets find it, and kept).</summary>
    public static bool Occurs(IndexSearcher searcher, PhraseQuery phrase) =>
        searcher.IndexReader.Leaves.Any(leaf => !PhraseDocs(searcher, phrase, leaf).IsEmpty);

    private static void Add(IndexSearcher searcher, Query query, AtomicReaderContext leaf, FixedBitSet into)
    {
        switch (query)
        {
            case TermQuery term:
                TermDocs.Of(leaf.AtomicReader).AddTo(leaf.AtomicReader, term.Term, into);
                break;
            case DisjunctionMaxQuery best:
                foreach (var disjunct in best.Disjuncts) Add(searcher, disjunct, leaf, into);
                break;
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0 && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT):
                var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
                if (required.Count == 0)
                {
                    foreach (var clause in boolean.Clauses) Add(searcher, clause.Query, leaf, into);
                    break;
                }
                // With required clauses the optional ones only score.
                FixedBitSet? all = null;
                foreach (var clause in required)
                {
                    var one = new FixedBitSet(into.Length);
                    Add(searcher, clause.Query, leaf, one);
                    if (all is null) all = one;
                    else all.And(one);
                }
                into.Or(all!);
                break;
            case PhraseQuery phrase when phrase.Slop == 0:
                PhraseDocs(searcher, phrase, leaf).AddTo(into);
                break;
            default:
                AddScored(searcher, query, leaf, null, into);
                break;
        }
    }

    /// <summary>
    /// A phrase matches only where all its words are: positions are read for those documents alone, once per segment,
    /// and the phrase's documents are kept like a term's.
    /// </summary>
    private static SegmentDocs PhraseDocs(IndexSearcher searcher, PhraseQuery phrase, AtomicReaderContext leaf)
    {
        var segment = leaf.AtomicReader;
        var terms = TermDocs.Of(segment);
        return terms.Phrase(PhraseKey(phrase), () =>
        {
            var found = new FixedBitSet(segment.MaxDoc);
            FixedBitSet? all = null;
            foreach (var term in phrase.GetTerms())
            {
                var docs = new FixedBitSet(segment.MaxDoc);
                terms.AddTo(segment, term, docs);
                if (all is null) all = docs;
                else all.And(docs);
            }
            if (all is not null && all.Cardinality > 0) AddScored(searcher, phrase, leaf, all, found);
            return found;
        });
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

/// <summary>
/// A segment's documents for the terms (and common phrases) of recent queries, kept while the segment lives: a word in
/// half the documents is then one pass over 1,600 machine words instead of 50,000 postings, and a rare one needs no walk
/// of the term dictionary. Deletions do not change a segment's postings, so the sets hold until it is merged away.
/// </summary>
internal sealed class TermDocs
{
    /// <summary>Terms kept per segment: the words of thousands of queries (a common one 12.5 KiB per 100,000 documents).</summary>
    private const int Capacity = 4096;

    private static readonly ConditionalWeakTable<object, TermDocs> PerSegment = new();

    // Keyed by the term itself (its field and bytes): a term's text as the key was a string made per term, segment and search.
    private readonly ConcurrentLru<Term, SegmentDocs> kept = new(Capacity);

    // A query's phrase is most often its own (the words typed, in order): kept when asked again.
    private readonly KeptWhenAskedAgain<string, SegmentDocs> phrases = new(Capacity);

    public static TermDocs Of(AtomicReader segment) => PerSegment.GetValue(segment.CoreCacheKey, _ => new TermDocs());

    /// <summary>Adds the segment's documents holding the term, deleted ones included (the caller removes those).</summary>
    public void AddTo(AtomicReader segment, Term term, FixedBitSet into) =>
        kept.GetOrAdd(term, static (_, args) => Read(args.segment, args.term), (segment, term)).AddTo(into);

    /// <summary>A phrase's documents, found when not kept.</summary>
    public SegmentDocs Phrase(string phrase, Func<FixedBitSet> find) => phrases.GetOrMake(phrase, static (_, find) => SegmentDocs.Of(find()), find);

    private static SegmentDocs Read(AtomicReader segment, Term term)
    {
        var terms = segment.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes)) return SegmentDocs.None;
        var postings = terms.Docs(null, null, DocsFlags.NONE);
        if (SegmentDocs.IsDense(terms.DocFreq, segment.MaxDoc))
        {
            var dense = new FixedBitSet(segment.MaxDoc);
            dense.Or(postings);
            return new SegmentDocs(dense, null);
        }
        return new SegmentDocs(null, SegmentDocs.List(postings, terms.DocFreq));
    }
}

/// <summary>Documents of one segment: a bitset when they are many, a list when few (a bit per document against an int per match).</summary>
internal sealed record SegmentDocs(FixedBitSet? Dense, int[]? Sparse)
{
    public static readonly SegmentDocs None = new(null, []);

    /// <summary>A bitset once they are more than one document in 32, the size of the list in bits.</summary>
    public static bool IsDense(long count, int maxDoc) => count >= maxDoc / 32;

    public static SegmentDocs Of(FixedBitSet docs)
    {
        var count = docs.Cardinality;
        return IsDense(count, docs.Length) ? new SegmentDocs(docs, null) : new SegmentDocs(null, List(docs.GetIterator(), count));
    }

    /// <summary>The <paramref name="count"/> documents <paramref name="docs"/> goes through, in order.</summary>
    public static int[] List(DocIdSetIterator docs, long count)
    {
        var list = new int[count];
        var at = 0;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) list[at++] = doc;
        return list;
    }

    /// <summary>No document (a bitset is kept for a segment of fewer than 32 documents even when empty).</summary>
    public bool IsEmpty => Dense is { } dense ? dense.Cardinality == 0 : Sparse!.Length == 0;

    public void AddTo(FixedBitSet into)
    {
        if (Dense is not null) into.Or(Dense);
        else foreach (var doc in Sparse!) into.Set(doc);
    }
}
