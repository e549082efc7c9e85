using Course.Core.Editing;
using Course.Search.Indexing;

namespace Course.Search.Querying;

/// <summary>
/// A search as it arrives (query string parameters, unchecked): <c>q</c>, one list of values per facet field
/// (<c>type</c>, <c>muscle</c>, …), <c>page</c> and <c>pageSize</c>.
/// </summary>
public sealed record SearchInput(string? Q, IReadOnlyDictionary<string, IReadOnlyList<string?>> Filters, string? Page, string? PageSize);

public static class SearchInputRules
{
    /// <summary>
    /// The request, or null with <paramref name="errors"/> naming each parameter at fault. Text is never an
    /// error: it is trimmed and cut at <see cref="SearchLimits.MaxQueryLength"/>; any characters are allowed.
    /// </summary>
    public static SearchRequest? Check(SearchInput input, IndexSchema schema, InputErrors errors)
    {
        var text = Cut(input.Q?.Trim() ?? "");
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, raw) in input.Filters)
        {
            if (!schema.Facets.Contains(field))
            {
                errors.Add(field, $"'{field}' is not a filter; use {string.Join(", ", schema.Facets)}.");
                continue;
            }
            var values = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => LuceneDocuments.NormalizeTag(v!)).Distinct().ToList();
            if (values.Count > SearchLimits.MaxFilterValues) errors.Add(field, $"At most {SearchLimits.MaxFilterValues} values.");
            if (values.Any(v => v.Length > SearchLimits.MaxFilterLength)) errors.Add(field, $"A value has at most {SearchLimits.MaxFilterLength} characters.");
            if (field == IndexSchema.CategoryField)
            {
                foreach (var unknown in values.Except(schema.Categories))
                    errors.Add(field, $"'{unknown}' is not a type; use {string.Join(", ", schema.Categories)}.");
            }
            if (values.Count > 0) filters[field] = values;
        }
        var page = PageRequest.Check(input.Page, input.PageSize, SearchLimits.DefaultPageSize, SearchLimits.MaxPageSize, SearchLimits.MaxPage, errors);
        return errors.Any ? null : new SearchRequest(text, filters, page.Page, page.PageSize);
    }

    /// <summary>The first <see cref="SearchLimits.MaxQueryLength"/> characters, never splitting a surrogate pair.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= SearchLimits.MaxQueryLength) return text;
        var length = char.IsHighSurrogate(text[SearchLimits.MaxQueryLength - 1]) ? SearchLimits.MaxQueryLength - 1 : SearchLimits.MaxQueryLength;
        return text[..length].TrimEnd();
    }
}
