using Course.Core.Content;
using Course.Core.Notifications;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Tests.Seed;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Course.Search.Tests.Lifecycle;

/// <summary>Content changes reach the index through the populators and are searchable as soon as the handler returns.</summary>
public sealed class IncrementalTests : IAsyncLifetime
{
    private readonly SeededIndex seed = new();
    private ContentIndexing indexing = null!;

    public async Task InitializeAsync()
    {
        await seed.InitializeAsync();
        indexing = new ContentIndexing(seed.Index, [new PublishedContentPopulator(() => seed.Content)]);
    }

    public Task DisposeAsync()
    {
        seed.Dispose();
        return Task.CompletedTask;
    }

    private Video Video => seed.Content.Videos.Single(v => v.Slug == SeedCourse.VideoSlug);

    [Fact]
    public async Task Batches_are_committed_together_with_the_last_instruction_once_changes_pause()
    {
        Assert.Null(seed.Index.LastInstruction);
        var commits = seed.Index.Commits;
        var technique = seed.Content.Techniques.First();
        await indexing.FollowAsync(new PublishedContentChanged([new(ContentKind.Technique, technique.Key, ContentChange.Saved)], 7), default);
        await indexing.FollowAsync(new PublishedContentChanged([new(ContentKind.Technique, technique.Key, ContentChange.Saved)], 8), default);
        Assert.Equal(8, seed.Index.LastInstruction);

        await UntilAsync(() => seed.Index.Commits > commits);
        await Task.Delay(3 * seed.Index.CommitDelay); // a second commit would come by now
        Assert.Equal(commits + 1, seed.Index.Commits);
        using var directory = FSDirectory.Open(seed.Folder);
        Assert.Equal("8", DirectoryReader.ListCommits(directory)[^1].UserData[CourseIndex.InstructionKey]);
    }

    [Fact]
    public async Task Comments_awaiting_moderation_make_no_commit()
    {
        var commits = seed.Index.Commits;
        await indexing.FollowAsync(new PublishedContentChanged([new(ContentKind.Comment, Guid.NewGuid(), ContentChange.Saved)], 9), default);
        await Task.Delay(3 * seed.Index.CommitDelay);
        Assert.Equal(commits, seed.Index.Commits);
        Assert.Null(seed.Index.LastInstruction);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the condition did not hold within 30 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Unpublished_video_leaves_with_its_chapters_and_returns_when_published()
    {
        var video = Video;
        seed.Content = new PublishedContent([video with { Published = false }], seed.Content.Techniques);
        await Notify(ContentKind.Video, video.Key, ContentChange.Unpublished);
        Assert.Equal(0, seed.Search("piriformis", type: CourseIndexSchema.Chapter).Total);
        Assert.Equal(SeedCourse.Documents - 19, seed.Index.DocumentCount);

        seed.Content = new PublishedContent([video], seed.Content.Techniques);
        await Notify(ContentKind.Video, video.Key, ContentChange.Published);
        Assert.Equal(SeedCourse.Documents, seed.Index.DocumentCount);
        Assert.Equal(1104, seed.Search("piriformis").Hits[0].Number(CourseIndexSchema.Start));
    }

    [Fact]
    public async Task Dropped_chapter_is_removed_and_a_new_one_found()
    {
        var video = Video;
        var chapters = video.Chapters.Where(c => c.Start != 638)
            .Append(video.Chapters[0] with { Key = Guid.NewGuid(), Title = "Trigger point pressure", Slug = "trigger-point-pressure", Start = 1250 })
            .ToList();
        seed.Content = new PublishedContent([video with { Chapters = chapters }], seed.Content.Techniques);
        await Notify(ContentKind.Video, video.Key, ContentChange.Saved);
        Assert.Equal(0, seed.Search("treatment duration", type: CourseIndexSchema.Chapter).Total);
        var hit = seed.Search("trigger point").Hits[0];
        Assert.Equal("/videos/sciatica-myofascial-release?t=1250", hit.Text(CourseIndexSchema.Url));
    }

    [Fact]
    public async Task Renamed_technique_reaches_the_chapters_that_show_it()
    {
        var technique = seed.Content.FindTechnique("open-fists")!;
        seed.Content = new PublishedContent(seed.Content.Videos,
            seed.Content.Techniques.Select(t => t.Key == technique.Key ? t with { Name = "Knuckle gliding", Muscles = ["adductor magnus"] } : t));
        await Notify(ContentKind.Technique, technique.Key, ContentChange.Saved);

        var results = seed.Search("knuckle gliding");
        Assert.Contains(results.Hits, h => h.Category == CourseIndexSchema.Technique && h.Text(CourseIndexSchema.Slug) == "open-fists");
        Assert.Contains(results.Hits, h => h.Category == CourseIndexSchema.Chapter && h.Number(CourseIndexSchema.Start) == 880);
        Assert.Equal(3, seed.Search("adductor magnus", muscle: "adductor magnus").Total); // technique, chapter, video
        Assert.Equal(SeedCourse.Documents, seed.Index.DocumentCount);
    }

    [Fact]
    public async Task Unpublished_technique_leaves_and_its_chapters_stop_carrying_it()
    {
        var technique = seed.Content.FindTechnique("hip-in-abduction")!;
        seed.Content = new PublishedContent(seed.Content.Videos, seed.Content.Techniques.Where(t => t.Key != technique.Key));
        await Notify(ContentKind.Technique, technique.Key, ContentChange.Unpublished);
        var results = seed.Search("hip abduction");
        Assert.DoesNotContain(results.Hits, h => h.Category == CourseIndexSchema.Technique && h.Text(CourseIndexSchema.Slug) == "hip-in-abduction");
        var chapter = Assert.Single(results.Hits, h => h.Number(CourseIndexSchema.Start) == 1200);
        Assert.DoesNotContain("Taking the leg out", chapter.Snippet);
    }

    [Fact]
    public void Comment_is_found_at_its_second_and_leaves_with_its_video()
    {
        var video = Video;
        seed.Index.IndexItems([ContentValueSets.ForComment(Guid.NewGuid(), video, "Ana", "The piriformis stretch at the end helped my client a lot.", 1110)]);
        var hit = Assert.Single(seed.Search("helped my client", type: CourseIndexSchema.Comment).Hits);
        Assert.Equal("/videos/sciatica-myofascial-release?t=1110", hit.Text(CourseIndexSchema.Url));
        Assert.Equal(1110, hit.Number(CourseIndexSchema.Start));

        seed.Index.DeleteFromIndex([ContentValueSets.IdOf(video.Key)]);
        Assert.Equal(0, seed.Search("helped my client", type: CourseIndexSchema.Comment).Total);
        Assert.Equal(0, seed.Search("piriformis", type: CourseIndexSchema.Chapter).Total);
    }

    [Fact]
    public void Bad_value_set_changes_nothing()
    {
        var undeclared = new ValueSet("x", CourseIndexSchema.Video, null, new Dictionary<string, IReadOnlyList<object>> { ["colour"] = ["red"] });
        Assert.Throws<ArgumentException>(() => seed.Index.Apply([new IndexChange([ContentValueSets.IdOf(Video.Key)], [undeclared])]));
        Assert.Equal(SeedCourse.Documents, seed.Index.DocumentCount);
    }

    [Fact]
    public void Snippets_encode_what_people_wrote()
    {
        seed.Index.IndexItems([ContentValueSets.ForComment(Guid.NewGuid(), Video, "Bo", "Use <b>less</b> pressure & \"go slow\" <script>x</script>", null)]);
        var hit = Assert.Single(seed.Search("less pressure", type: CourseIndexSchema.Comment).Hits);
        Assert.Equal("Use &lt;b&gt;<mark>less</mark>&lt;/b&gt; <mark>pressure</mark> &amp; &quot;go slow&quot; &lt;script&gt;x&lt;/script&gt;", hit.Snippet);
        Assert.Equal("/videos/sciatica-myofascial-release#comments", hit.Text(CourseIndexSchema.Url));
        Assert.Null(hit.Number(CourseIndexSchema.Start));
    }

    [Fact]
    public async Task Comment_changes_are_left_to_a_comment_populator()
    {
        await Notify(ContentKind.Comment, Guid.NewGuid(), ContentChange.Published);
        Assert.Equal(SeedCourse.Documents, seed.Index.DocumentCount);
    }

    private Task Notify(ContentKind kind, Guid key, ContentChange change) =>
        indexing.FollowAsync(new PublishedContentChanged([new ContentChangedNotification(kind, key, change)], 1), CancellationToken.None);
}
