using Course.Search.Content;
using Course.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// A word's kept postings (<see cref="KeptPostings"/>) score as Lucene's own term scorer does, document by document,
/// whether read in order or advanced to targets, with deleted documents accepted or not: on 12,200 generated
/// documents in two segments, 300 of them deleted.
/// </summary>
public sealed class KeptPostingsTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    private static readonly Term[] Words =
    [
        new(CourseIndexSchema.Body, "slow"), new(CourseIndexSchema.Body, "pressur"), new(CourseIndexSchema.Body, "layer"),
        new(CourseIndexSchema.Muscle, "gluteu"), new(CourseIndexSchema.Muscle, "piriformi"), new(CourseIndexSchema.Title, "stretch"),
    ];

    [Fact]
    public void Read_in_order_each_document_has_lucenes_frequency_and_score()
    {
        var compared = Compare((lucene, kept, accept) =>
        {
            var documents = 0;
            while (true)
            {
                var doc = lucene.NextDoc();
                Assert.Equal(doc, kept.NextDoc());
                if (doc == DocIdSetIterator.NO_MORE_DOCS) return documents;
                Assert.Equal(lucene.Freq, kept.Freq);
                Assert.Equal(lucene.GetScore(), kept.GetScore());
                documents++;
            }
        });
        Assert.True(compared > 10_000, $"{compared} documents compared");
    }

    [Fact]
    public void Advanced_to_targets_near_and_far_each_lands_where_lucenes_lands()
    {
        var random = new Random(3);
        var compared = Compare((lucene, kept, accept) =>
        {
            var landed = 0;
            var target = 0;
            while (true)
            {
                // Mostly near (the next few documents), sometimes far, sometimes the document it stands on plus one.
                target += random.Next(4) switch { 0 => 1, 1 => random.Next(2, 40), 2 => random.Next(40, 2_000), _ => random.Next(1, 8) };
                var doc = lucene.Advance(target);
                Assert.Equal(doc, kept.Advance(target));
                if (doc == DocIdSetIterator.NO_MORE_DOCS) return landed;
                Assert.Equal(lucene.GetScore(), kept.GetScore());
                target = doc;
                landed++;
            }
        });
        Assert.True(compared > 300, $"{compared} landings compared");
    }

    // Each word in each segment, with the segment's live documents accepted and with every document accepted (as the
    // candidates' scorers are asked, their deleted documents already left out).
    private int Compare(Func<Scorer, Scorer, IBits?, int> walk)
    {
        return generated.Index.Read(searcher =>
        {
            var compared = 0;
            var deletedSeen = false;
            foreach (var term in Words)
            {
                var lucene = searcher.CreateNormalizedWeight(new TermQuery(term));
                var ours = searcher.CreateNormalizedWeight(new LookedUpTermQuery(term));
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    foreach (var accept in new[] { leaf.AtomicReader.LiveDocs, null })
                    {
                        var expected = lucene.GetScorer(leaf, accept);
                        var actual = ours.GetScorer(leaf, accept);
                        if (expected is null)
                        {
                            Assert.Null(actual);
                            continue;
                        }
                        compared += walk(expected, actual!, accept);
                        deletedSeen |= accept is not null;
                    }
                }
            }
            Assert.True(deletedSeen && searcher.IndexReader.NumDeletedDocs > 0, "the index has deleted documents");
            return compared;
        });
    }
}
