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
    private readonly TermLookups lookups;

    public ExactPhraseQuery(TermLookups lookups) => this.lookups = lookups;

    public override Weight CreateWeight(IndexSearcher searcher)
    {
        if (Slop != 0) throw new InvalidOperationException("An exact phrase has no slop.");
        return new PhraseWeight(this, searcher, lookups.Reader == searcher.IndexReader ? lookups : TermLookups.Of(searcher.IndexReader));
    }

    /// <summary>What Lucene's phrase weight computes: the similarity's weight over every word's statistics.</summary>
    private sealed class PhraseWeight : Weight
    {
        private readonly ExactPhraseQuery query;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight stats;
        private readonly Term[] terms;
        private readonly int[] positions;
        private readonly TermContext[] contexts;

        public PhraseWeight(ExactPhraseQuery query, IndexSearcher searcher, TermLookups lookups)
        {
            this.query = query;
            similarity = searcher.Similarity;
            terms = query.GetTerms();
            positions = query.GetPositions();
            contexts = new TermContext[terms.Length];
            var termStats = new TermStatistics[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                contexts[i] = lookups.Of(terms[i]);
                termStats[i] = searcher.TermStatistics(terms[i], contexts[i]);
            }
            stats = similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(terms[0].Field), termStats);
        }

        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

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
            return new PhraseScorer(this, words, similarity.GetSimScorer(stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is PhraseScorer scorer && scorer.Advance(doc) == doc)
            {
                var frequency = new Explanation(scorer.Freq, $"phraseFreq={scorer.Freq}");
                var score = similarity.GetSimScorer(stats, context).Explain(doc, frequency);
                var match = new ComplexExplanation(true, score.Value, $"weight({query} in {doc}), result of:");
                match.AddDetail(score);
                return match;
            }
            return new ComplexExplanation(false, 0, "no matching term");
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
