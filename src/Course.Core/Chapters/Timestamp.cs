namespace Course.Core.Chapters;

/// <summary>
/// A point in a video in whole seconds, written as <c>m:ss</c>, <c>mm:ss</c> or <c>h:mm:ss</c>.
/// Parsing is strict (two-digit seconds, minutes and seconds below 60) because a table of contents
/// is a contract with the viewer: "7:7" or "5:75" is far more likely a typo than a real time.
/// </summary>
public readonly record struct Timestamp(int TotalSeconds) : IComparable<Timestamp>
{
    /// <summary>Whole seconds from the start of the video; never negative.</summary>
    public int TotalSeconds { get; } = TotalSeconds >= 0
        ? TotalSeconds
        : throw new ArgumentOutOfRangeException(nameof(TotalSeconds), TotalSeconds, "A timestamp cannot be negative.");

    public int CompareTo(Timestamp other) => TotalSeconds.CompareTo(other.TotalSeconds);

    public static bool operator <(Timestamp left, Timestamp right) => left.TotalSeconds < right.TotalSeconds;
    public static bool operator >(Timestamp left, Timestamp right) => left.TotalSeconds > right.TotalSeconds;
    public static bool operator <=(Timestamp left, Timestamp right) => left.TotalSeconds <= right.TotalSeconds;
    public static bool operator >=(Timestamp left, Timestamp right) => left.TotalSeconds >= right.TotalSeconds;

    public static bool TryParse(string? text, out Timestamp timestamp) => TryParse(text, out timestamp, out _);

    /// <summary>
    /// Parses like <see cref="TryParse(string?, out Timestamp)"/> and, on failure, says why in words an
    /// editor can act on, always naming the offending text.
    /// </summary>
    public static bool TryParse(string? text, out Timestamp timestamp, out string? problem)
    {
        timestamp = default;
        problem = $"'{text}' is not a timestamp";
        if (string.IsNullOrEmpty(text)) return false;

        var fields = text.Split(':');
        if (fields.Length is not (2 or 3) || !fields.All(IsAsciiDigits)) return false;

        // m:ss / mm:ss, or h:mm:ss where the minutes are padded to two digits like the seconds.
        var hasHours = fields.Length == 3;
        var hoursText = hasHours ? fields[0] : "0";
        var minutesText = fields[^2];
        var secondsText = fields[^1];
        if (hoursText.Length > 2) return false;
        if (hasHours ? minutesText.Length != 2 : minutesText.Length > 2) return false;
        if (secondsText.Length != 2) return false;

        var hours = int.Parse(hoursText);
        var minutes = int.Parse(minutesText);
        var seconds = int.Parse(secondsText);
        if (minutes >= 60)
        {
            // "75:00" is a common way to write an hour and a quarter; show the form we accept.
            problem = hasHours || seconds >= 60
                ? $"minutes must be below 60 in '{text}'"
                : $"minutes must be below 60 in '{text}'; write {new Timestamp(minutes * 60 + seconds)}";
            return false;
        }
        if (seconds >= 60)
        {
            problem = $"seconds must be below 60 in '{text}'";
            return false;
        }

        timestamp = new Timestamp(hours * 3600 + minutes * 60 + seconds);
        problem = null;
        return true;
    }

    /// <summary><c>m:ss</c> below an hour, <c>h:mm:ss</c> from an hour: the way YouTube writes them.</summary>
    public override string ToString()
    {
        var hours = TotalSeconds / 3600;
        var minutes = TotalSeconds / 60 % 60;
        var seconds = TotalSeconds % 60;
        return hours > 0 ? $"{hours}:{minutes:00}:{seconds:00}" : $"{minutes}:{seconds:00}";
    }

    private static bool IsAsciiDigits(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);
}
