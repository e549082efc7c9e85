using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Web.Api.Delivery.Querying;

/// <summary>
/// The query of <c>GET /content</c>: which items (<c>fetch</c>), which of them (<c>filter</c>), in what
/// order (<c>sort</c>) and which page (<c>skip</c>, <c>take</c>), parsed as Umbraco's built-in selector,
/// filter and sort handlers read them.
/// </summary>
public sealed record ContentQuery(
    FetchOption? Fetch, IReadOnlyList<ContentFilter> Filters, IReadOnlyList<ContentSort> Sorts, int Skip, int Take)
{
    public const int DefaultTake = 10;

    /// <summary>The query, or the problem with the first parameter at fault (Umbraco's titles).</summary>
    public static ContentQuery? Parse(
        string? fetch, IEnumerable<string>? filters, IEnumerable<string>? sorts, string? skip, string? take, out QueryProblem? problem)
    {
        problem = null;
        FetchOption? fetchOption = null;
        if (!string.IsNullOrEmpty(fetch) && (fetchOption = FetchOption.Parse(fetch)) is null)
        {
            problem = new("fetch", "Selector option not found", $"The attempted 'fetch' option does not exist: \"{fetch}\". Use ancestors:, children: or descendants: followed by an id or a path.");
            return null;
        }

        var parsedFilters = new List<ContentFilter>();
        foreach (var value in NonEmpty(filters))
        {
            if (ContentFilter.Parse(value, out var error) is not { } filter)
            {
                problem = new("filter", "Filter option not found", $"One of the attempted 'filter' options does not exist: \"{value}\". {error}");
                return null;
            }
            parsedFilters.Add(filter);
        }

        var parsedSorts = new List<ContentSort>();
        foreach (var value in NonEmpty(sorts))
        {
            if (ContentSort.Parse(value) is not { } sort)
            {
                problem = new("sort", "Sort option not found", $"One of the attempted 'sort' options does not exist: \"{value}\". Use name, createDate, updateDate, sortOrder or level, then :asc or :desc.");
                return null;
            }
            parsedSorts.Add(sort);
        }

        if (Count(skip, 0) is not { } skipCount)
        {
            problem = new("skip", "Invalid paging", $"'skip' must be a whole number of 0 or more, not \"{skip}\".");
            return null;
        }
        if (Count(take, DefaultTake) is not { } takeCount)
        {
            problem = new("take", "Invalid paging", $"'take' must be a whole number of 0 or more, not \"{take}\".");
            return null;
        }
        return new ContentQuery(fetchOption, parsedFilters, parsedSorts, skipCount, takeCount);
    }

    // An empty value is the contract's "default" example ([""]): no filter or sort, not an error.
    private static IEnumerable<string> NonEmpty(IEnumerable<string>? values) => (values ?? []).Where(v => !string.IsNullOrEmpty(v));

    private static int? Count(string? value, int absent) =>
        string.IsNullOrEmpty(value) ? absent
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
        : null;
}

/// <summary>A parameter Umbraco would refuse: its name, and a title and detail for the problem details.</summary>
public sealed record QueryProblem(string Parameter, string Title, string Detail);

public enum FetchAxis { Ancestors, Children, Descendants }

/// <summary><c>ancestors:</c>, <c>children:</c> or <c>descendants:</c> followed by an item's id or path.</summary>
public sealed record FetchOption(FetchAxis Axis, string Target)
{
    public static FetchOption? Parse(string fetch)
    {
        foreach (var axis in Enum.GetValues<FetchAxis>())
        {
            var prefix = Prefix(axis);
            if (fetch.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return new(axis, fetch[prefix.Length..]);
        }
        return null;
    }

    private static string Prefix(FetchAxis axis) => axis switch
    {
        FetchAxis.Ancestors => "ancestors:",
        FetchAxis.Children => "children:",
        _ => "descendants:",
    };
}

public enum DateField { CreateDate, UpdateDate }

public enum Comparison { Is, IsNot, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual }

/// <summary>One <c>filter</c> value: <c>contentType:alias</c>, <c>name:text</c> (either negated with <c>!</c>) or a date comparison.</summary>
public abstract partial record ContentFilter
{
    public static ContentFilter? Parse(string value, out string? error)
    {
        error = null;
        if (Specified(value, "contentType:") is { } alias) return new ContentTypeFilter(alias.TrimStart('!'), alias.StartsWith('!'));
        if (Specified(value, "name:") is { } name) return new NameFilter(name.TrimStart('!'), name.StartsWith('!'));
        if (DateComparison().Match(value) is { Success: true } match)
        {
            var field = match.Groups["field"].Value.Equals("createDate", StringComparison.OrdinalIgnoreCase) ? DateField.CreateDate : DateField.UpdateDate;
            if (ComparisonOf(match.Groups["operator"].Value) is not { } comparison)
            {
                error = "Compare dates with >, >:, <, <:, : or :!.";
                return null;
            }
            if (!DateTime.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                error = $"\"{match.Groups["value"].Value}\" is not a date (use 2024-01-31 or 2024-01-31T12:00:00Z).";
                return null;
            }
            return new DateFilter(field, comparison, date);
        }
        error = "Use contentType:alias, name:text, createDate or updateDate with >, >:, <, <:.";
        return null;
    }

    private static string? Specified(string value, string specifier) =>
        value.StartsWith(specifier, StringComparison.OrdinalIgnoreCase) ? value[specifier.Length..] : null;

    private static Comparison? ComparisonOf(string op) => op switch
    {
        ":" => Comparison.Is,
        ":!" => Comparison.IsNot,
        ">" => Comparison.GreaterThan,
        ">:" => Comparison.GreaterThanOrEqual,
        "<" => Comparison.LessThan,
        "<:" => Comparison.LessThanOrEqual,
        _ => null,
    };

    [GeneratedRegex("^(?<field>createDate|updateDate)(?<operator>[><:!]{1,2})(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateComparison();
}

/// <summary>Items of the document type with this alias (or, negated, of any other).</summary>
public sealed record ContentTypeFilter(string Alias, bool Negate) : ContentFilter;

/// <summary>Items whose name contains the text, ignoring case (or, negated, does not).</summary>
public sealed record NameFilter(string Text, bool Negate) : ContentFilter;

public sealed record DateFilter(DateField Field, Comparison Comparison, DateTime Value) : ContentFilter
{
    public bool Matches(DateTime date) => Comparison switch
    {
        Comparison.Is => date == Value,
        Comparison.IsNot => date != Value,
        Comparison.GreaterThan => date > Value,
        Comparison.GreaterThanOrEqual => date >= Value,
        Comparison.LessThan => date < Value,
        _ => date <= Value,
    };
}

public enum SortField { Name, CreateDate, UpdateDate, SortOrder, Level }

/// <summary>One <c>sort</c> value: a field, then <c>:asc</c> or <c>:desc</c>.</summary>
public sealed record ContentSort(SortField Field, bool Descending)
{
    public static ContentSort? Parse(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 0) return null;
        var direction = value[(colon + 1)..];
        // Umbraco reads anything but "asc…" as descending; only the two documented words are taken here.
        bool? descending = direction.Equals("asc", StringComparison.OrdinalIgnoreCase) ? false
            : direction.Equals("desc", StringComparison.OrdinalIgnoreCase) ? true
            : null;
        return descending is { } desc && Fields.TryGetValue(value[..colon], out var field) ? new ContentSort(field, desc) : null;
    }

    private static readonly Dictionary<string, SortField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = SortField.Name,
        ["createDate"] = SortField.CreateDate,
        ["updateDate"] = SortField.UpdateDate,
        ["sortOrder"] = SortField.SortOrder,
        ["level"] = SortField.Level,
    };
}
