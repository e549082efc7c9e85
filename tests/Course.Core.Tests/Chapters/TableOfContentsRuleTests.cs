using Course.Core.Chapters;

namespace Course.Core.Tests.Chapters;

/// <summary>Each rule of a table of contents, broken on purpose: where it is reported, how, and what survives.</summary>
public class TableOfContentsRuleTests
{
    private static TocProblem Single(TableOfContents toc) => Assert.Single(toc.Problems);

    [Theory]
    [InlineData("7:7 Something", "'7:7' is not a timestamp")]
    [InlineData("12:3 y", "'12:3' is not a timestamp")]
    [InlineData("5:75 Title", "seconds must be below 60 in '5:75'")]
    [InlineData("1:60:00 x", "minutes must be below 60 in '1:60:00'")]
    [InlineData("75:00 z", "minutes must be below 60 in '75:00'; write 1:15:00")]
    [InlineData("1:2:3:4 x", "'1:2:3:4' is not a timestamp")]
    [InlineData("[7:7] Something", "'7:7' is not a timestamp")]
    [InlineData("- 5:75 Title", "seconds must be below 60 in '5:75'")]
    [InlineData("3. (5:75) Title", "seconds must be below 60 in '5:75'")]
    [InlineData("7:7a Something", "'7:7a' is not a timestamp")]
    [InlineData("1:02.5 Something", "'1:02.5' is not a timestamp")]
    [InlineData("5:10Undraping the hip", "'5:10Undraping' is not a timestamp")]
    [InlineData("Something - 7:7", "'7:7' is not a timestamp")]
    [InlineData("Something (5:75)", "seconds must be below 60 in '5:75'")]
    [InlineData("1:30", "'1:30' has no title")]
    [InlineData("1:30 - ", "'1:30' has no title")]
    [InlineData("[1:30]", "'1:30' has no title")]
    public void Reports_a_broken_chapter_line_and_keeps_the_rest(string line, string message)
    {
        var toc = TableOfContentsParser.Parse($"Intro text\n0:00 First\n1:00 Second\n2:00 Third\n{line.TrimEnd()}\n3:00 Fourth");

        var problem = Single(toc);
        Assert.Equal(new TocProblem(5, line.Trim(), message, ProblemSeverity.Error), problem);
        Assert.False(toc.IsValid);
        Assert.Equal([0, 60, 120, 180], toc.Chapters.Select(c => c.Start));
    }

    [Fact]
    public void Formats_a_problem_as_line_and_message() =>
        Assert.Equal("line 4: '7:7' is not a timestamp",
            new TocProblem(4, "7:7 Something", "'7:7' is not a timestamp", ProblemSeverity.Error).ToString());

    [Fact]
    public void Timestamps_must_ascend()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n2:00 B\n1:00 C\n3:00 D");

        Assert.Equal(new TocProblem(3, "1:00 C", "timestamps must ascend: 1:00 follows 2:00", ProblemSeverity.Error), Single(toc));
        Assert.False(toc.IsValid);
        Assert.Equal(["A", "B", "C", "D"], toc.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Timestamps_must_not_repeat()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n1:00 B\n01:00 C\n2:00 D");

        Assert.Equal(new TocProblem(3, "01:00 C", "duplicate timestamp 1:00 (also on line 2)", ProblemSeverity.Error), Single(toc));
        Assert.Equal(4, toc.Chapters.Count);
    }

    [Fact]
    public void A_repeat_further_back_is_reported_as_a_repeat()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n1:00 B\n2:00 C\n1:00 D");

        Assert.Equal(new TocProblem(4, "1:00 D", "duplicate timestamp 1:00 (also on line 2)", ProblemSeverity.Error), Single(toc));
    }

    [Fact]
    public void Chapters_must_start_before_the_end_of_the_video()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n1:00 B\n2:00 C\n2:30 D", durationSeconds: 120);

        Assert.Equal(
            [
                new TocProblem(3, "2:00 C", "2:00 is at or after the end of the video (2:00)", ProblemSeverity.Error),
                new TocProblem(4, "2:30 D", "2:30 is at or after the end of the video (2:00)", ProblemSeverity.Error),
            ],
            toc.Problems);
        Assert.Equal(4, toc.Chapters.Count);
    }

    [Fact]
    public void Any_start_works_when_the_duration_is_unknown()
    {
        Assert.True(TableOfContentsParser.Parse("0:00 A\n1:00 B\n9:00:00 C").IsValid);
        Assert.True(TableOfContentsParser.Parse("0:00 A\n1:00 B\n9:00:00 C", durationSeconds: 0).IsValid);
    }

    [Fact]
    public void Needs_three_chapters_reported_on_the_last_one()
    {
        var toc = TableOfContentsParser.Parse("Intro\n0:00 A\nmore text\n1:00 B\nThanks");

        Assert.Equal(
            new TocProblem(4, "1:00 B", "a table of contents needs at least 3 timestamped chapters; found 2", ProblemSeverity.Error),
            Single(toc));
        Assert.Equal(2, toc.Chapters.Count);
    }

    [Fact]
    public void The_implied_introduction_does_not_count_toward_three()
    {
        var toc = TableOfContentsParser.Parse("0:30 A\n1:00 B");

        Assert.Equal(3, toc.Chapters.Count);
        Assert.Equal(new TocProblem(2, "1:00 B", "a table of contents needs at least 3 timestamped chapters; found 2", ProblemSeverity.Error), Single(toc));
    }

    [Theory]
    [InlineData("Just a description.\nNo chapters here.", "Just a description.")]
    [InlineData("", "")]
    [InlineData("\n  \nText", "")]
    public void Needs_three_chapters_reported_on_line_one_when_there_are_none(string description, string firstLine)
    {
        var toc = TableOfContentsParser.Parse(description);

        Assert.Equal(
            new TocProblem(1, firstLine, "a table of contents needs at least 3 timestamped chapters; found none", ProblemSeverity.Error),
            Single(toc));
        Assert.Empty(toc.Chapters);
    }

    [Fact]
    public void A_broken_chapter_line_still_counts_toward_three_so_it_is_reported_once()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n7:7 B\n2:00 C");

        Assert.Equal(new TocProblem(2, "7:7 B", "'7:7' is not a timestamp", ProblemSeverity.Error), Single(toc));
        Assert.Equal(2, toc.Chapters.Count);
    }

    [Fact]
    public void A_short_chapter_is_a_warning()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n0:05 B\n1:00 C");

        Assert.Equal(
            new TocProblem(1, "0:00 A", "chapter 0:00 lasts only 5 s (until 0:05); chapters should last at least 10 s", ProblemSeverity.Warning),
            Single(toc));
        Assert.True(toc.IsValid);
        Assert.Empty(toc.Errors);
        Assert.Single(toc.Warnings);
    }

    [Fact]
    public void Ten_seconds_is_long_enough() =>
        Assert.Empty(TableOfContentsParser.Parse("0:00 A\n0:10 B\n0:20 C", durationSeconds: 30).Problems);

    [Fact]
    public void A_short_implied_introduction_is_a_warning_on_the_first_chapter()
    {
        var toc = TableOfContentsParser.Parse("Intro\n0:05 A\n1:00 B\n2:00 C");

        Assert.Equal(
            new TocProblem(2, "0:05 A",
                "the implied Introduction lasts only 5 s (0:00 until 0:05); start the first chapter at 0:00 or at least at 0:10",
                ProblemSeverity.Warning),
            Single(toc));
        Assert.True(toc.IsValid);
        Assert.Equal(new ParsedChapter(0, 0, "Introduction"), toc.Chapters[0]);
    }

    [Fact]
    public void The_last_chapter_is_measured_only_when_the_duration_is_known()
    {
        const string description = "0:00 A\n1:00 B\n2:00 C";

        Assert.Empty(TableOfContentsParser.Parse(description).Problems);
        Assert.Equal(
            new TocProblem(3, "2:00 C", "chapter 2:00 lasts only 5 s (until the end at 2:05); chapters should last at least 10 s", ProblemSeverity.Warning),
            Single(TableOfContentsParser.Parse(description, durationSeconds: 125)));
    }

    [Fact]
    public void A_chapter_out_of_order_is_not_also_called_short()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n2:00 B\n1:00 C\n3:00 D");

        Assert.Empty(toc.Warnings);
    }

    [Fact]
    public void Problems_come_top_to_bottom_and_chapters_survive_errors()
    {
        var toc = TableOfContentsParser.Parse("0:00 A\n0:03 B\n5:75 C\n2:00 D\n1:00 E\n9:00 F", durationSeconds: 500);

        Assert.Equal(
            [
                (1, ProblemSeverity.Warning),
                (3, ProblemSeverity.Error),
                (5, ProblemSeverity.Error),
                (6, ProblemSeverity.Error),
            ],
            toc.Problems.Select(p => (p.Line, p.Severity)));
        Assert.Equal(["A", "B", "D", "E", "F"], toc.Chapters.Select(c => c.Title));
        Assert.Equal(3, toc.Errors.Count());
        Assert.Single(toc.Warnings);
        Assert.False(toc.IsValid);
    }

    [Fact]
    public void Rejects_a_null_description() =>
        Assert.Throws<ArgumentNullException>(() => TableOfContentsParser.Parse(null!));
}
