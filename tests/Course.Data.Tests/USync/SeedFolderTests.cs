using Course.Data.USync;

namespace Course.Data.Tests.USync;

/// <summary>The repository's committed <c>uSync/</c> folder: the seed course and its schema.</summary>
public class SeedFolderTests
{
    private static readonly USyncContent Committed = new USyncFolder(Repository.USyncFolder).ReadContent();

    [Fact]
    public void The_committed_folder_is_what_the_serializer_writes_for_the_seed()
    {
        // COURSE_WRITE_SEED=1 regenerates the committed folder from SeedContent first.
        if (Environment.GetEnvironmentVariable("COURSE_WRITE_SEED") == "1") Write(Repository.USyncFolder);
        using var temporary = new TemporaryFolder();

        Write(temporary.Path);

        Assert.Equal(USyncFolderTests.Snapshot(temporary.Path), USyncFolderTests.Snapshot(Repository.USyncFolder));
    }

    [Fact]
    public void The_committed_folder_reads_without_problems()
    {
        Assert.Empty(Committed.Problems);
        Assert.Equal(SeedContent.Videos.Count, Committed.Videos.Count);
        foreach (var video in SeedContent.Videos)
        {
            ContentAssert.Same(video, Committed.Videos.Single(v => v.Key == video.Key));
        }
        Assert.Equal(SeedContent.Techniques.Count, Committed.Techniques.Count);
        foreach (var technique in SeedContent.Techniques)
        {
            ContentAssert.Same(technique, Committed.Techniques.Single(t => t.Key == technique.Key));
        }
    }

    [Fact]
    public void The_seed_video_has_its_eighteen_chapters()
    {
        var video = Committed.Videos.Single(v => v.Key == SeedContent.Video.Key);

        Assert.Equal("sciatica-myofascial-release", video.Slug);
        Assert.Equal(1260, video.Duration);
        Assert.Equal(
            [0, 23, 45, 80, 278, 310, 325, 360, 430, 530, 638, 672, 795, 820, 880, 960, 1104, 1200],
            video.Chapters.Select(c => c.Start));
        Assert.Equal("Introduction", video.Chapters[0].Title);
        Assert.Equal("Working with touch sensitivy, using the “myofascial angle”", video.Chapters[6].Title);
        Assert.Equal("Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", video.Chapters[16].Title);
        Assert.Equal((1200, 1260), (video.Chapters[^1].Start, video.Chapters[^1].End));
        Assert.StartsWith("Do you have massage clients", video.Description);
        Assert.EndsWith("Thanks for watching!", video.Description);
    }

    [Fact]
    public void Every_chapter_link_points_at_a_seed_technique_and_every_technique_is_shown()
    {
        var video = Committed.Videos.Single(v => v.Key == SeedContent.Video.Key);
        var techniqueKeys = Committed.Techniques.Select(t => t.Key).ToHashSet();
        var linked = video.Chapters.SelectMany(c => c.TechniqueKeys).ToHashSet();

        Assert.Subset(techniqueKeys, linked);
        Assert.Equal(techniqueKeys, linked);
        Assert.All(Committed.Techniques, t => Assert.True(t.Published && t.Summary.Length > 0 && t.Muscles.Count > 0 && t.Regions.Count > 0, t.Slug));
    }

    [Fact]
    public void Exporting_the_read_content_gives_the_committed_bytes()
    {
        using var temporary = new TemporaryFolder();
        var export = new USyncFolder(temporary.Path);

        export.WriteSchema();
        foreach (var video in Committed.Videos) export.Write(video);
        foreach (var technique in Committed.Techniques) export.Write(technique);

        Assert.Equal(USyncFolderTests.Snapshot(temporary.Path), USyncFolderTests.Snapshot(Repository.USyncFolder));
    }

    private static void Write(string root)
    {
        var folder = new USyncFolder(root);
        folder.WriteSchema();
        foreach (var video in SeedContent.Videos) folder.Write(video);
        foreach (var technique in SeedContent.Techniques) folder.Write(technique);
    }
}
