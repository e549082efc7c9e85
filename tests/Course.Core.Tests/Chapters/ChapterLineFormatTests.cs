using Course.Core.Chapters;

namespace Course.Core.Tests.Chapters;

/// <summary>Every way of writing a chapter line that the parser accepts, and lines it must leave alone.</summary>
public class ChapterLineFormatTests
{
    private const string Title = "Sciatic nerve anatomy";

    /// <summary>The line under test on line 2, between prose and two ordinary chapters.</summary>
    private static TableOfContents ParseWith(string line) =>
        TableOfContentsParser.Parse($"Table of contents:\n{line}\n1:00 Second\n2:00 Third");

    [Theory]
    // time first, separators
    [InlineData("0:30 Sciatic nerve anatomy")]
    [InlineData("0:30\tSciatic nerve anatomy")]
    [InlineData("00:30 Sciatic nerve anatomy")]
    [InlineData("0:00:30 Sciatic nerve anatomy")]
    [InlineData("0:30 - Sciatic nerve anatomy")]
    [InlineData("0:30-Sciatic nerve anatomy")]
    [InlineData("0:30 – Sciatic nerve anatomy")]
    [InlineData("0:30 — Sciatic nerve anatomy")]
    [InlineData("0:30: Sciatic nerve anatomy")]
    [InlineData("0:30 : Sciatic nerve anatomy")]
    [InlineData("0:30 | Sciatic nerve anatomy")]
    // brackets and parentheses
    [InlineData("[0:30] Sciatic nerve anatomy")]
    [InlineData("[0:30]Sciatic nerve anatomy")]
    [InlineData("[ 0:30 ] Sciatic nerve anatomy")]
    [InlineData("(0:30) Sciatic nerve anatomy")]
    [InlineData("(0:30) - Sciatic nerve anatomy")]
    [InlineData("[0:00:30] – Sciatic nerve anatomy")]
    // bullets
    [InlineData("- 0:30 Sciatic nerve anatomy")]
    [InlineData("* 0:30 Sciatic nerve anatomy")]
    [InlineData("• 0:30 Sciatic nerve anatomy")]
    [InlineData("·0:30 Sciatic nerve anatomy")]
    [InlineData("+ 0:30 Sciatic nerve anatomy")]
    [InlineData("1. 0:30 Sciatic nerve anatomy")]
    [InlineData("1) 0:30 Sciatic nerve anatomy")]
    [InlineData("12. [0:30] - Sciatic nerve anatomy")]
    [InlineData("- (0:30) Sciatic nerve anatomy")]
    // title first
    [InlineData("Sciatic nerve anatomy 0:30")]
    [InlineData("Sciatic nerve anatomy - 0:30")]
    [InlineData("Sciatic nerve anatomy-0:30")]
    [InlineData("Sciatic nerve anatomy – 0:30")]
    [InlineData("Sciatic nerve anatomy — 0:30")]
    [InlineData("Sciatic nerve anatomy: 0:30")]
    [InlineData("Sciatic nerve anatomy | 0:30")]
    [InlineData("Sciatic nerve anatomy (0:30)")]
    [InlineData("Sciatic nerve anatomy [0:30]")]
    [InlineData("Sciatic nerve anatomy - [0:30]")]
    [InlineData("Sciatic nerve anatomy 0:00:30")]
    [InlineData("- Sciatic nerve anatomy 0:30")]
    [InlineData("2. Sciatic nerve anatomy (0:30)")]
    // surrounding whitespace
    [InlineData("   0:30   Sciatic nerve anatomy   ")]
    [InlineData("\t Sciatic nerve anatomy - 0:30 \t")]
    public void Accepts(string line)
    {
        var toc = ParseWith(line);

        Assert.Empty(toc.Problems);
        Assert.True(toc.IsValid);
        Assert.Equal(
            [new(0, 0, "Introduction"), new(2, 30, Title), new(3, 60, "Second"), new(4, 120, "Third")],
            toc.Chapters);
    }

    [Theory]
    [InlineData("0:30 Pin and stretch (gluteus maximus, piriformis, etc)", "Pin and stretch (gluteus maximus, piriformis, etc)")]
    [InlineData("0:30 Using the “myofascial angle” – why?", "Using the “myofascial angle” – why?")]
    [InlineData("0:30 Step 2: 5 minutes", "Step 2: 5 minutes")]
    [InlineData("0:30 Warm up until 0:45", "Warm up until 0:45")]
    [InlineData("0:30 - - Dashes", "- Dashes")]
    [InlineData("0:30   What is sciatica?  What are the symptoms?", "What is sciatica?  What are the symptoms?")]
    [InlineData("Step 2: hip rotators 0:30", "Step 2: hip rotators")]
    [InlineData("“Quoted” (really) - 0:30", "“Quoted” (really)")]
    public void Keeps_titles_exactly_as_authored(string line, string title) =>
        Assert.Equal(title, ParseWith(line).Chapters[1].Title);

    [Fact]
    public void Reads_hours()
    {
        var toc = TableOfContentsParser.Parse("0:00 Start\n30:00 Middle\n1:02:03 Late", 4000);

        Assert.True(toc.IsValid);
        Assert.Equal([0, 1800, 3723], toc.Chapters.Select(c => c.Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Thanks for watching!")]
    [InlineData("Table of contents:")]
    [InlineData("I start at 5:10 with the hip joint")]
    [InlineData("We meet again at 5:10.")]
    [InlineData("Intro10:45")]
    [InlineData("See http://localhost:8080/videos")]
    [InlineData("2020 was the year I started")]
    [InlineData("1. Find the landmarks")]
    [InlineData("- lotion or oil")]
    [InlineData("Ratio 3 to 2")]
    public void Leaves_description_text_alone(string line)
    {
        var toc = TableOfContentsParser.Parse($"0:00 First\n1:00 Second\n2:00 Third\n{line}");

        Assert.Empty(toc.Problems);
        Assert.Equal(3, toc.Chapters.Count);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Reads_any_line_ending(string newline)
    {
        var toc = TableOfContentsParser.Parse(string.Join(newline, "Intro text", "0:00 First", "1:00 Second", "2:00 Third", ""));

        Assert.Empty(toc.Problems);
        Assert.Equal([new(2, 0, "First"), new(3, 60, "Second"), new(4, 120, "Third")], toc.Chapters);
    }

    [Fact]
    public void Ignores_a_byte_order_mark() =>
        Assert.Equal(0, TableOfContentsParser.Parse("\uFEFF0:00 First\n1:00 Second\n2:00 Third").Chapters[0].Start);
}
