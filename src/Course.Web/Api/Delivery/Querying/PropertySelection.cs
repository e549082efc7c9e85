namespace Course.Web.Api.Delivery.Querying;

/// <summary>
/// The v2 <c>expand</c> and <c>fields</c> syntax as Umbraco parses it: <c>properties[$all]</c>,
/// <c>properties[a,b]</c>, nested <c>properties[a[properties[b]]]</c>, parsed into a tree of names.
/// A property is expanded (or included) when the tree has a branch for it under <c>properties</c>.
/// </summary>
public sealed class PropertySelection
{
    public const string All = "$all";
    private const string Properties = "properties";

    private readonly List<PropertySelection> items = [];

    private PropertySelection(string key) => Key = key;

    public string Key { get; private set; }

    public IReadOnlyList<PropertySelection> Items => items;

    /// <summary><c>expand</c> when absent: nothing is expanded.</summary>
    public static PropertySelection ExpandNone { get; } = Parse("")!;

    /// <summary><c>fields</c> when absent: every property is included.</summary>
    public static PropertySelection IncludeAll { get; } = Parse(All)!;

    /// <summary>Parses a value; null with the reason when it is not the v2 syntax.</summary>
    public static PropertySelection? TryParse(string value, out string? error)
    {
        error = value.Count(c => c == '[') != value.Count(c => c == ']') ? "its brackets do not pair up"
            : value.StartsWith('[') ? "it starts with a bracket"
            : value.Contains("[]") ? "it has empty brackets"
            : null;
        var root = error is null ? Parse(value) : null;
        if (root is null)
        {
            error ??= "a bracket closes before one opens";
            return null;
        }
        // Umbraco ignores any other top-level word (v1's "all" or "property:alias" silently expands nothing): say so instead.
        var top = root.items[0].Key;
        if (top is not ("" or All or Properties))
        {
            error = $"it must be \"{Properties}[…]\" or \"{All}\", not \"{top}\"";
            return null;
        }
        return root;
    }

    /// <summary>The selection for the property <paramref name="alias"/> below this one; null when it is not selected.</summary>
    public PropertySelection? Next(string alias) =>
        items.FirstOrDefault(i => i.Key == All)
        ?? items.FirstOrDefault(i => i.Key == Properties)?.items.FirstOrDefault(i => i.Key == All || i.Key == alias);

    /// <summary>Whether this level lists its properties, so that a property not listed is left out.</summary>
    public bool ListsProperties => items.Count > 0;

    private static PropertySelection? Parse(string value)
    {
        var root = new PropertySelection("root");
        var parents = new Stack<PropertySelection>();
        parents.Push(root);
        var current = new PropertySelection("");
        root.items.Add(current);
        foreach (var c in value)
        {
            switch (c)
            {
                case '[':
                    parents.Push(current);
                    current = new PropertySelection("");
                    parents.Peek().items.Add(current);
                    break;
                case ',':
                    current = new PropertySelection("");
                    parents.Peek().items.Add(current);
                    break;
                case ']':
                    if (parents.Count == 1) return null;
                    current = parents.Pop();
                    break;
                default:
                    current.Key += c;
                    break;
            }
        }
        return root;
    }
}
