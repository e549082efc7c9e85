using Course.Core.Chapters;

namespace Course.Core.Tests.Chapters;

public class TimestampTests
{
    [Theory]
    [InlineData("0:00", 0)]
    [InlineData("0:23", 23)]
    [InlineData("5:25", 325)]
    [InlineData("05:25", 325)]
    [InlineData("00:09", 9)]
    [InlineData("59:59", 3599)]
    [InlineData("1:00:00", 3600)]
    [InlineData("1:02:03", 3723)]
    [InlineData("01:02:03", 3723)]
    [InlineData("10:00:00", 36000)]
    [InlineData("99:59:59", 359999)]
    public void Parses_m_ss_mm_ss_and_h_mm_ss(string text, int seconds)
    {
        Assert.True(Timestamp.TryParse(text, out var timestamp));
        Assert.Equal(seconds, timestamp.TotalSeconds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7:7")]
    [InlineData("12:3")]
    [InlineData("5:75")]
    [InlineData("60:00")]
    [InlineData("75:00")]
    [InlineData("1:60:00")]
    [InlineData("1:2:03")]
    [InlineData("1:02:3")]
    [InlineData("123:00")]
    [InlineData("100:00:00")]
    [InlineData("1:00:00:00")]
    [InlineData(":30")]
    [InlineData("1:")]
    [InlineData("30")]
    [InlineData("a:bc")]
    [InlineData("-1:00")]
    [InlineData(" 1:00")]
    [InlineData("1:00 ")]
    [InlineData("1.5:00")]
    [InlineData("١:٠٠")] // Arabic-Indic digits are digits to char.IsDigit, not to us
    public void Rejects_anything_else(string? text)
    {
        Assert.False(Timestamp.TryParse(text, out var timestamp));
        Assert.Equal(default, timestamp);
    }

    [Theory]
    [InlineData("7:7", "'7:7' is not a timestamp")]
    [InlineData("1:2:03", "'1:2:03' is not a timestamp")]
    [InlineData("5:75", "seconds must be below 60 in '5:75'")]
    [InlineData("1:00:60", "seconds must be below 60 in '1:00:60'")]
    [InlineData("1:60:00", "minutes must be below 60 in '1:60:00'")]
    [InlineData("75:00", "minutes must be below 60 in '75:00'; write 1:15:00")]
    [InlineData("75:75", "minutes must be below 60 in '75:75'")]
    public void Says_why_a_text_is_not_a_timestamp(string text, string problem)
    {
        Assert.False(Timestamp.TryParse(text, out _, out var actual));
        Assert.Equal(problem, actual);
    }

    [Fact]
    public void Has_no_problem_when_it_parses()
    {
        Assert.True(Timestamp.TryParse("5:25", out _, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(9, "0:09")]
    [InlineData(59, "0:59")]
    [InlineData(60, "1:00")]
    [InlineData(325, "5:25")]
    [InlineData(1104, "18:24")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(3723, "1:02:03")]
    [InlineData(36000, "10:00:00")]
    public void Formats_m_ss_below_an_hour_and_h_mm_ss_from_an_hour(int seconds, string text) =>
        Assert.Equal(text, new Timestamp(seconds).ToString());

    [Fact]
    public void Round_trips_every_second_of_a_long_video()
    {
        for (var seconds = 0; seconds < 3 * 3600; seconds++)
        {
            var text = new Timestamp(seconds).ToString();
            Assert.True(Timestamp.TryParse(text, out var parsed), text);
            Assert.Equal(seconds, parsed.TotalSeconds);
        }
    }

    [Fact]
    public void Cannot_be_negative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timestamp(-1));

    [Fact]
    public void Orders_by_time()
    {
        var early = new Timestamp(23);
        var late = new Timestamp(45);
        Assert.True(early.CompareTo(late) < 0);
        Assert.True(early < late && late > early && early <= late && late >= early);
        Assert.Equal(0, early.CompareTo(new Timestamp(23)));
        Assert.Equal([early, late], new[] { late, early }.Order());
    }
}
