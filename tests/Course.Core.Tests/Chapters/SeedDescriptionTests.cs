using Course.Core.Chapters;

namespace Course.Core.Tests.Chapters;

/// <summary>The first course's description, verbatim (a copy of shared/seed in this project).</summary>
public class SeedDescriptionTests
{
    private static readonly string Description =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "sciatica-tutorial.txt"));

    private static readonly ParsedChapter[] Expected =
    [
        new(0, 0, "Introduction"),
        new(5, 23, "What is sciatica? What are the symptoms?"),
        new(6, 45, "Sciatic nerve anatomy"),
        new(7, 80, "Relevant gluteal landmarks"),
        new(8, 278, "Incorporating sciatica massage into your sessions"),
        new(9, 310, "Undraping the hip"),
        new(10, 325, "Working with touch sensitivy, using the “myofascial angle”"),
        new(11, 360, "Myofascial release from superior to inferior"),
        new(12, 430, "Working with the fascia"),
        new(13, 530, "Including the lateral pelvis and low back"),
        new(14, 638, "Treatment duration"),
        new(15, 672, "Myofascial release from inferior to superior"),
        new(16, 795, "Body mechanics for lazy myofascial release"),
        new(17, 820, "Working with the lateral pelvis"),
        new(18, 880, "Using open fists for myofascial release"),
        new(19, 960, "Working with the hip rotators longitudinally"),
        new(20, 1104, "Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)"),
        new(21, 1200, "Working with the hip in abduction"),
    ];

    [Fact]
    public void Gives_eighteen_chapters_titled_as_authored_without_problems()
    {
        var toc = TableOfContentsParser.Parse(Description, durationSeconds: 1260);

        Assert.Equal(Expected, toc.Chapters);
        Assert.Empty(toc.Errors);
        Assert.Empty(toc.Warnings);
        Assert.True(toc.IsValid);
    }

    [Fact]
    public void Gives_the_same_chapters_without_a_duration_and_with_windows_line_ends()
    {
        var toc = TableOfContentsParser.Parse(Description.ReplaceLineEndings("\r\n"));

        Assert.Equal(Expected, toc.Chapters);
        Assert.Empty(toc.Problems);
    }

    [Fact]
    public void Reports_a_video_shorter_than_its_chapters()
    {
        var toc = TableOfContentsParser.Parse(Description, durationSeconds: 1200);

        var error = Assert.Single(toc.Problems);
        Assert.Equal((21, ProblemSeverity.Error), (error.Line, error.Severity));
        Assert.Equal("line 21: 20:00 is at or after the end of the video (20:00)", error.ToString());
    }
}
