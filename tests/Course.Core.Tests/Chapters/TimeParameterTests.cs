using Course.Core.Chapters;

namespace Course.Core.Tests.Chapters;

public class TimeParameterTests
{
    [Theory]
    [InlineData("323", 323)]
    [InlineData("0", 0)]
    [InlineData("00323", 323)]
    [InlineData("5m23s", 323)]
    [InlineData("5M23S", 323)]
    [InlineData("1h2m3s", 3723)]
    [InlineData("1h3s", 3603)]
    [InlineData("23s", 23)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("75m", 4500)]
    [InlineData("1h", 3600)]
    [InlineData("5:23", 323)]
    [InlineData("1:02:03", 3723)]
    [InlineData(" 323 ", 323)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("596523h", 596523 * 3600)]
    public void Reads_seconds_units_and_clock_forms(string value, int seconds) =>
        Assert.Equal(seconds, TimeParameter.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc")]
    [InlineData("s")]
    [InlineData("hms")]
    [InlineData("5x")]
    [InlineData("m5")]
    [InlineData("5m23")]
    [InlineData("5s5m")]
    [InlineData("1h 2m")]
    [InlineData("5.5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("+5")]
    [InlineData("-5")]
    [InlineData("-5m")]
    [InlineData("-1:00")]
    [InlineData("5:75")]
    [InlineData("7:7")]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData("99999999999s")]
    [InlineData("596524h")]
    [InlineData("35791395m")]
    public void Gives_null_for_nonsense_negative_and_overflow(string? value) =>
        Assert.Null(TimeParameter.Parse(value));
}
