namespace Course.Core.Editing;

/// <summary>What an editor sends to create or update a video.</summary>
public sealed record VideoInput(string? Title, string? Slug, string? Source, int? Duration, string? Description);

/// <summary>What an editor sends to create or update a technique.</summary>
public sealed record TechniqueInput(
    string? Name, string? Slug, string? Summary, string? Body, IReadOnlyList<string>? Muscles, IReadOnlyList<string>? Regions);

/// <summary>
/// Problems with an editor's input, by field (the field names of the JSON body), in the shape of
/// ASP.NET Core's validation problem details.
/// </summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
