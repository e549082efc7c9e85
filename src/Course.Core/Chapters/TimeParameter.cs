using System.Text.RegularExpressions;

namespace Course.Core.Chapters;

/// <summary>
/// Reads the <c>?t=</c> value of a video page, in the forms people paste from YouTube and from our own
/// chapter links: <c>323</c>, <c>5m23s</c>, <c>1h2m3s</c>, <c>23s</c>, <c>5m</c>, <c>5:23</c>, <c>1:02:03</c>.
/// </summary>
public static partial class TimeParameter
{
    /// <summary>Seconds from the start, or null when the value is missing, malformed, negative or too large.</summary>
    public static int? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;

        if (text.All(char.IsAsciiDigit)) return ToSeconds("", "", text);
        if (text.Contains(':')) return Timestamp.TryParse(text, out var timestamp) ? timestamp.TotalSeconds : null;

        // Units need not stay below 60 here ("90s", "75m"): YouTube links carry such values.
        var units = UnitForm().Match(text);
        if (!units.Success || units.Length == 0) return null;
        return ToSeconds(units.Groups["h"].Value, units.Groups["m"].Value, units.Groups["s"].Value);
    }

    private static int? ToSeconds(string hours, string minutes, string seconds)
    {
        if (Number(hours) is not { } h || Number(minutes) is not { } m || Number(seconds) is not { } s) return null;
        // At most 10 digits each, so this long cannot overflow; the int range is checked after.
        var total = h * 3600 + m * 60 + s;
        return total <= int.MaxValue ? (int)total : null;
    }

    /// <summary>An absent unit is zero; more than 10 digits is taken for overflow (no real link pads that far).</summary>
    private static long? Number(string digits) =>
        digits.Length == 0 ? 0 : digits.Length <= 10 ? long.Parse(digits) : null;

    [GeneratedRegex("^(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitForm();
}
