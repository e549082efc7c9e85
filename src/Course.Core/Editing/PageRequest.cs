using System.Globalization;

namespace Course.Core.Editing;

/// <summary>One page of a list: <see cref="Page"/> counts from 1.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// The page asked for by <c>page</c> and <c>pageSize</c> as they arrive (text, so a bad value is reported by
    /// name rather than failing binding); empty means the first page of <paramref name="defaultSize"/>.
    /// </summary>
    public static PageRequest Check(string? page, string? pageSize, int defaultSize, int maxSize, int maxPage, InputErrors errors) => new(
        Number(page, "page", 1, 1, maxPage, errors),
        Number(pageSize, "pageSize", defaultSize, 1, maxSize, errors));

    private static int Number(string? raw, string name, int fallback, int min, int max, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add(name, $"{name} is a whole number from {min} to {max}.");
        return fallback;
    }
}
