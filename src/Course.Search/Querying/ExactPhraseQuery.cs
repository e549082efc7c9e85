using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// A phrase of words in order (no slop) that scores exactly as Lucene's <see cref="PhraseQuery"/>, with a scorer that
/// allocates no counting table. Lucene's exact phrase scorer takes two <c>int[4096]</c> per phrase, segment and search
/// (32 KiB) even for two words in a title: at 100,000 documents that was a third of what a search allocated, and every
/// gen-0 collection those bytes bring stops the searches in flight. The phrase's words are looked up through the
/// reader's <see cref="TermLookups"/>, as its term queries are, not walked again per phrase.
/// </summary>
internal sealed class ExactPhraseQuery : PhraseQuery
{
    public override Weight CreateWeight(IndexSearcher searcher)
    {
        if (Slop != 0) throw new InvalidOperationException("An exact phrase has no slop.");
        var terms = GetTerms();
        var lookups = TermLookups.Of(searcher.IndexReader);
        var contexts = new TermContext[terms.Length];
        var termStats = new TermStatistics[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            contexts[i] = lookups.Of(terms[i]);
            termStats[i] = searcher.TermStatistics(terms[i], contexts[i]);
        }
        var stats = searcher.Similarity.ComputeWeight(Boost, searcher.CollectionStatistics(terms[0].Field), termStats);
        return new PhraseWeight(this, searcher.Similarity, stats, terms, GetPositions(), contexts);
    }

    /// <summary>What Lucene's phrase weight computes: the similarity's weight over every word's statistics.</summary>
    private sealed class PhraseWeight(
        ExactPhraseQuery query, Similarity similarity, Similarity.SimWeight stats, Term[] terms, int[] positions, TermContext[] contexts)
        : FrequencyWeight(query, similarity, stats, "phraseFreq")
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var words = new PhraseWord[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                if (contexts[i].Get(context.Ord) is not { } state) return null; // a word the segment lacks
                var enumerator = SegmentTerms.At(context, terms[i], state);
                var postings = SearchPostings.Positions(context, enumerator, acceptDocs)
                    ?? throw new InvalidOperationException($"The field '{terms[i].Field}' is indexed without positions; it cannot hold a phrase.");
                words[i] = new PhraseWord(postings, enumerator.DocFreq, positions[i]);
            }
            // The rarest word leads, as in Lucene (then the phrase's order).
            Array.Sort(words, static (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq) : a.Position.CompareTo(b.Position));
            return new PhraseScorer(this, words, DocScorer(context));
        }
    }

    private readonly record struct PhraseWord(DocsAndPositionsEnum Postings, int DocFreq, int Position);

    /// <summary>
    /// Goes through the documents holding every word (led by the rarest), and counts in each the places where the words
    /// stand in the phrase's order: the phrase's start positions as each word sees them, intersected.
    /// </summary>
    private sealed class PhraseScorer(Weight weight, PhraseWord[] words, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private int doc = -1;
        private int freq;
        // The lead word's start positions in the current document, narrowed by each further word; grown as needed.
        private int[] starts = new int[8];

        public override int DocID => doc;

        public override int Freq => freq;

        public override float GetScore() => docScorer.Score(doc, freq);

        public override long GetCost() => words[0].Postings.GetCost();

        public override int NextDoc() => Next(words[0].Postings.NextDoc());

        public override int Advance(int target) => Next(words[0].Postings.Advance(target));

        /// <summary>The first document from the lead's <paramref name="candidate"/> on that holds the phrase.</summary>
        private int Next(int candidate)
        {
            while (candidate != NO_MORE_DOCS)
            {
                var all = true;
                for (var i = 1; i < words.Length; i++)
                {
                    var postings = words[i].Postings;
                    var at = postings.DocID < candidate ? postings.Advance(candidate) : postings.DocID;
                    if (at == candidate) continue;
                    all = false;
                    candidate = at == NO_MORE_DOCS ? NO_MORE_DOCS : words[0].Postings.Advance(at);
                    break;
                }
                if (!all) continue;
                doc = candidate;
                freq = PhraseFrequency();
                if (freq > 0) return doc;
                candidate = words[0].Postings.NextDoc();
            }
            freq = 0;
            return doc = NO_MORE_DOCS;
        }

        private int PhraseFrequency()
        {
            var lead = words[0];
            var count = 0;
            var last = -1;
            var positions = lead.Postings.Freq;
            if (starts.Length < positions) starts = new int[Math.Max(positions, starts.Length * 2)];
            for (var k = 0; k < positions; k++)
            {
                // A start before the field's first position cannot hold the phrase; a repeated position counts once.
                var start = lead.Postings.NextPosition() - lead.Position;
                if (start > last) starts[count++] = last = start;
            }
            for (var i = 1; i < words.Length && count > 0; i++)
            {
                var word = words[i];
                var left = word.Postings.Freq;
                var kept = 0;
                var c = 0;
                var start = NextStart(word, ref left);
                while (c < count && start != int.MaxValue)
                {
                    if (start < starts[c]) start = NextStart(word, ref left);
                    else if (start > starts[c]) c++;
                    else
                    {
                        starts[kept++] = start;
                        c++;
                        start = NextStart(word, ref left);
                    }
                }
                count = kept;
            }
            return count;
        }

        private static int NextStart(PhraseWord word, ref int left) =>
            left-- > 0 ? word.Postings.NextPosition() - word.Position : int.MaxValue;
    }
}
