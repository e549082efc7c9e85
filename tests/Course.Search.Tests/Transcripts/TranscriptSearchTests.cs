using Course.Core.Content;
using Course.Core.Notifications;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Transcripts;

/// <summary>
/// The seed's spoken demonstration video (uSync/, with English captions) indexed as transcript passages: a search
/// for words said in it lands at the second of the cue that says them, named with its chapter.
/// </summary>
public sealed class TranscriptSearchTests : IAsyncLifetime
{
    private const string DemoSlug = "sciatica-approach-read-aloud";
    private readonly TemporaryFolder folder = new();
    private PublishedContent content = SeedCourse.Content();
    private CourseIndex index = null!;
    private CourseSearcher searcher = null!;
    private ContentIndexing indexing = null!;

    public async Task InitializeAsync()
    {
        IIndexPopulator[] populators = [new PublishedContentPopulator(() => content), new TranscriptPopulator(() => content)];
        index = CourseIndex.Open(folder.Path, CourseIndexSchema.Definition);
        await index.EnsureBuiltAsync(() => ContentIndexing.AllValueSets(populators));
        searcher = new CourseSearcher(index, SeedCourse.Synonyms());
        indexing = new ContentIndexing(index, populators);
    }

    public Task DisposeAsync()
    {
        index.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }

    private Video Demo => content.FindVideo(DemoSlug)!;

    private SearchResults Search(string text, string? type = CourseIndexSchema.Transcript) =>
        TranscriptHits.Locate(searcher.Search(new SearchRequest(text, type is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : new Dictionary<string, IReadOnlyList<string>> { [CourseIndexSchema.Type] = [type] })));

    [Fact]
    public void The_demonstration_video_is_seeded_with_english_captions_split_into_passages()
    {
        var track = Assert.Single(Demo.Captions);
        Assert.Equal(("en", "English", 26), (track.Language, track.Label, track.Cues.Count));
        var passages = Core.Captions.Transcript.Passages(track, Demo.Chapters);
        Assert.Equal([0, 18, 38, 66, 100], passages.Select(p => p.Start));
        Assert.Equal(SeedCourse.Documents + passages.Count, index.DocumentCount);
    }

    [Fact]
    public void A_quoted_phrase_lands_at_the_second_of_the_cue_that_says_it_with_its_chapter()
    {
        var hit = Search("\"tolerate pressure\"", type: null).Hits[0];

        Assert.Equal(CourseIndexSchema.Transcript, hit.Category);
        Assert.Equal(58, hit.Number(CourseIndexSchema.Start));
        Assert.Equal($"/videos/{DemoSlug}?t=58", hit.Text(CourseIndexSchema.Url));
        Assert.Equal("At 0:58, in A kinder approach to sensitivity", hit.Text(CourseIndexSchema.Title));
        Assert.Contains("<mark>tolerate</mark> <mark>pressure</mark>", hit.Snippet);
    }

    [Theory]
    [InlineData("desensitizing the region", 87)] // stemming
    [InlineData("lumbr region", 28)]             // a typo
    [InlineData("sacroiliac joint", 66)]         // a synonym: "SI joint, sacroiliac joint"
    [InlineData("hip flexors", 104)]
    public void Words_are_matched_as_everywhere_else(string query, int second)
    {
        var hit = Search(query).Hits[0];
        Assert.Equal(second, hit.Number(CourseIndexSchema.Start));
    }

    [Fact]
    public void A_cue_says_a_marked_word_only_whole_in_any_case()
    {
        var hit = new SearchHit("passage", CourseIndexSchema.Transcript, 1, "the <mark>hip</mark>", new Dictionary<string, object>
        {
            [CourseIndexSchema.VideoSlug] = DemoSlug,
            [CourseIndexSchema.Start] = 5,
            [CourseIndexSchema.Cues] = "5\tShip the hips\n10\thip_flexors\n20\tThe HIP moves",
        });
        var located = TranscriptHits.Locate(hit);
        Assert.Equal((20, "At 0:20"), (located.Number(CourseIndexSchema.Start), located.Text(CourseIndexSchema.Title)));
    }

    [Theory]
    [InlineData("the <mark>hip</mark> and <mark>knee</mark>", "5\tthe hip\n10\tthe knee\n20\thip over knee", 20)] // the most marked words
    [InlineData("the <mark>hip</mark>", "5\tthe knee\n10\tthe hip\n20\tthe hip again", 10)] // the earliest of equals
    [InlineData("the <mark>hip</mark>", "", 7)] // no cues: where the passage starts
    public void The_cue_saying_most_marked_words_gives_the_second(string snippet, string cues, int second)
    {
        var hit = new SearchHit("passage", CourseIndexSchema.Transcript, 1, snippet, new Dictionary<string, object>
        {
            [CourseIndexSchema.VideoSlug] = DemoSlug,
            [CourseIndexSchema.Start] = 7,
            [CourseIndexSchema.Cues] = cues,
        });
        Assert.Equal(second, TranscriptHits.Locate(hit).Number(CourseIndexSchema.Start));
    }

    [Fact]
    public void The_type_facet_counts_transcript_passages()
    {
        var results = Search("sciatica", type: null);
        Assert.Contains(results.Facets[CourseIndexSchema.Type], f => f.Value == CourseIndexSchema.Transcript && f.Count > 0);
    }

    [Fact]
    public async Task Unpublishing_removes_the_passages_and_publishing_brings_them_back()
    {
        var demo = Demo;
        content = new PublishedContent(content.Videos.Where(v => v.Key != demo.Key), content.Techniques);
        await indexing.FollowAsync(new PublishedContentChanged([new ContentChangedNotification(ContentKind.Video, demo.Key, ContentChange.Unpublished)], 1), default);
        Assert.Equal(0, Search("tolerate pressure").Total);

        content = new PublishedContent([.. content.Videos, demo], content.Techniques);
        await indexing.FollowAsync(new PublishedContentChanged([new ContentChangedNotification(ContentKind.Video, demo.Key, ContentChange.Published)], 1), default);
        Assert.Equal(58, Search("tolerate pressure").Hits[0].Number(CourseIndexSchema.Start));
    }

    [Fact]
    public async Task Saving_the_video_again_keeps_one_copy_of_each_passage()
    {
        await indexing.FollowAsync(new PublishedContentChanged([new ContentChangedNotification(ContentKind.Video, Demo.Key, ContentChange.Saved)], 1), default);
        Assert.Equal(1, Search("\"tolerate pressure\"").Total);
    }
}
