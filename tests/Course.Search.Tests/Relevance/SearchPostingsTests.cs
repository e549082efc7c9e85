using Course.Search.Content;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// A search's phrase scorers read positions enumerators that the thread's next search reads again: never two scorers of
/// one search on one enumerator, and the same answers as scorers that each open their own.
/// </summary>
public sealed class SearchPostingsTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    private static readonly string[] Words = ["slow", "pressur", "tissu", "hold"];

    [Fact]
    public void A_search_hands_each_phrase_word_its_own_enumerator_and_the_next_search_the_same_ones_which_read_the_same()
    {
        generated.Index.Read(searcher =>
        {
            var leaf = searcher.IndexReader.Leaves[0];
            List<(DocsAndPositionsEnum Postings, List<int> Positions)> first, second;
            using (SearchPostings.Begin()) first = [.. Words.Select(w => OpenPositions(searcher, leaf, w))];
            using (SearchPostings.Begin()) second = [.. Words.Select(w => OpenPositions(searcher, leaf, w))];

            Assert.Equal(Words.Length, first.Select(p => p.Postings).Distinct(ReferenceEqualityComparer.Instance).Count());
            Assert.Equal(first.Select(p => p.Postings), second.Select(p => p.Postings), ReferenceEqualityComparer.Instance);
            // Read again after reuse: every document's positions as a fresh enumerator gives them.
            var fresh = Words.Select(w => OpenPositions(searcher, leaf, w).Positions);
            Assert.Equal(fresh, second.Select(p => p.Positions));
            return 0;
        });
    }

    [Fact]
    public void Searches_in_turn_on_one_thread_answer_as_each_did_alone()
    {
        var texts = new[] { "slow sustained pressure", "gluteus medius", "piriformus stretch", "hip", "\"slow sustained\" tissue" };
        // Each alone: on a thread of its own, which has no enumerators yet.
        var alone = texts.Select(t => Task.Factory.StartNew(
            () => Answer(new CourseSearcher(generated.Index, Seed.SeedCourse.Synonyms()), t), TaskCreationOptions.LongRunning).Result).ToList();

        var searcher = new CourseSearcher(generated.Index, Seed.SeedCourse.Synonyms());
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < texts.Length; i++) Assert.Equal(alone[i], Answer(searcher, texts[i]));
        }
    }

    [Fact]
    public void A_second_search_cannot_begin_on_a_thread_before_the_first_ends()
    {
        using var first = SearchPostings.Begin();
        Assert.Throws<InvalidOperationException>(() => SearchPostings.Begin());
    }

    // Opens the word's positions (as a phrase's scorer does) and reads them all: document, then its positions.
    private static (DocsAndPositionsEnum Postings, List<int> Positions) OpenPositions(IndexSearcher searcher, AtomicReaderContext leaf, string word)
    {
        var term = new Term(CourseIndexSchema.Body, word);
        var state = TermLookups.Of(searcher.IndexReader).Of(term).Get(leaf.Ord)!;
        var postings = SearchPostings.Positions(leaf, SegmentTerms.At(leaf, term, state), leaf.AtomicReader.LiveDocs)!;
        var read = new List<int>();
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            read.Add(doc);
            for (var i = 0; i < postings.Freq; i++) read.Add(-1 - postings.NextPosition());
        }
        return (postings, read);
    }

    private static string Answer(CourseSearcher searcher, string text)
    {
        var found = searcher.Search(new SearchRequest(text, new Dictionary<string, IReadOnlyList<string>>()));
        return $"{found.Total} " + string.Join(" ", found.Hits.Select(h => $"{h.Id}:{h.Score}"));
    }
}
