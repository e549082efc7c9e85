using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A word's documents and frequencies in one segment, read once and kept per segment core (deleted documents
/// included; a scorer skips those its caller does not accept). A large index's search scores only the documents that
/// can lead it, a few hundred spread over the whole segment, and each of its words' scorers advanced to every one of
/// them: in Lucene's postings that decoded a block of 128 documents (and their frequencies) and read skip lists per
/// word and document, half of what a search at 100,000 documents cost. Kept as arrays, advancing is a search of
/// a sorted array. Words recur from search to search, as their clauses' leaders do (see <see cref="ClauseLeaders"/>).
/// </summary>
internal sealed class KeptPostings
{
    private readonly int[] docs;
    private readonly int[] frequencies;

    private KeptPostings(int[] docs, int[] frequencies) => (this.docs, this.frequencies) = (docs, frequencies);

    /// <summary>Words kept per segment: those of thousands of queries (a word in 40,000 documents takes 320 KiB).</summary>
    private const int Capacity = 4096;

    private static readonly ConditionalWeakTable<object, ConcurrentLru<Term, KeptPostings>> PerSegment = new();

    /// <summary>The word's postings in the segment (where <paramref name="state"/> says they are), read unless kept.</summary>
    public static KeptPostings Of(AtomicReaderContext leaf, Term term, TermState state) =>
        PerSegment.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentLru<Term, KeptPostings>(Capacity))
            .GetOrAdd(term, static (term, args) => Read(SegmentTerms.At(args.leaf, term, args.state)), (leaf, state));

    private static KeptPostings Read(TermsEnum word)
    {
        var count = word.DocFreq;
        var docs = new int[count];
        var frequencies = new int[count];
        var postings = word.Docs(null, null, DocsFlags.FREQS);
        var at = 0;
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            docs[at] = doc;
            frequencies[at++] = postings.Freq;
        }
        return new KeptPostings(docs, frequencies);
    }

    /// <summary>A scorer over the kept postings: each document scored by how often it holds the word, as Lucene's term scorer does.</summary>
    public Scorer Scorer(Weight weight, Similarity.SimScorer docScorer, IBits? acceptDocs) =>
        new WordScorer(weight, this, docScorer, acceptDocs);

    private sealed class WordScorer(Weight weight, KeptPostings postings, Similarity.SimScorer docScorer, IBits? acceptDocs) : Scorer(weight)
    {
        private readonly int[] docs = postings.docs;
        private readonly int[] frequencies = postings.frequencies;
        private int at = -1;
        private int doc = -1;

        public override int DocID => doc;

        public override int Freq => frequencies[at];

        public override float GetScore() => docScorer.Score(doc, frequencies[at]);

        public override int NextDoc() => Accepted(at + 1);

        public override int Advance(int target) => Accepted(FirstAtLeast(target, at + 1));

        public override long GetCost() => docs.Length;

        // The first accepted document from place `from` on.
        private int Accepted(int from)
        {
            for (at = from; at < docs.Length; at++)
            {
                if (acceptDocs is null || acceptDocs.Get(docs[at])) return doc = docs[at];
            }
            return doc = NO_MORE_DOCS;
        }

        // The first place from `from` on whose document is at least `target`: steps doubling from `from`, then halving,
        // so a near target costs a few reads and a far one a binary search.
        private int FirstAtLeast(int target, int from)
        {
            var step = 1;
            var low = from;
            var high = from;
            while (high < docs.Length && docs[high] < target)
            {
                low = high + 1;
                high += step;
                step <<= 1;
            }
            high = Math.Min(high, docs.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (docs[middle] < target) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
