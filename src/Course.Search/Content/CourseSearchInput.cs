using Course.Search.Querying;

namespace Course.Search.Content;

/// <summary>A search of the course index as its query string gives it: <c>q</c>, the facet filters, <c>page</c>, <c>pageSize</c>.</summary>
public static class CourseSearchInput
{
    public static SearchInput From(string? q, string[]? type, string[]? muscle, string[]? region, string? page, string? pageSize) => new(
        q,
        new Dictionary<string, IReadOnlyList<string?>>
        {
            [CourseIndexSchema.Type] = type ?? [],
            [CourseIndexSchema.Muscle] = muscle ?? [],
            [CourseIndexSchema.Region] = region ?? [],
        },
        page, pageSize);
}
