using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Core.Content;

/// <summary>One element of a block list: its key and its values by property alias.</summary>
public sealed record Block(Guid Key, IReadOnlyDictionary<string, JsonNode?> Values, string Where)
{
    public string Text(string alias) => Values.TryGetValue(alias, out var node) ? BlockListReader.StringOf(node) ?? "" : "";
}

/// <summary>
/// Reads the value of an Umbraco 15+ block list property (<c>contentData</c>, <c>expose</c>, <c>layout</c>,
/// <c>settingsData</c>) holding elements of one element type: how a video keeps its chapters and its captions, in
/// the Course site's uSync files and in an Umbraco site's content alike.
/// </summary>
public static class BlockListReader
{
    public const string LayoutAlias = "Umbraco.BlockList";

    /// <summary>Readers accept keys in any case, as uSync's own reader does.</summary>
    private static readonly JsonNodeOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// The blocks in layout order, each named for messages ("<paramref name="what"/> 2 (key)"). Throws
    /// <see cref="FormatException"/> or <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyList<Block> Read(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var root = JsonNode.Parse(value, Options) as JsonObject
            ?? throw new FormatException($"the {what}s value is not a JSON object");

        var elements = new Dictionary<Guid, JsonObject>();
        foreach (var element in (root["contentData"] as JsonArray ?? []).OfType<JsonObject>())
        {
            elements[Key(element, "key", $"a {what} in contentData")] = element;
        }

        var layout = root["layout"]?[LayoutAlias] as JsonArray
            ?? throw new FormatException($"the {what}s block list has no \"layout\" for {LayoutAlias}");
        return layout.Select((item, index) =>
        {
            var where = $"{what} {index + 1}";
            var key = Key(item as JsonObject, "contentKey", $"{where} in the layout");
            if (!elements.TryGetValue(key, out var element))
                throw new FormatException($"{where} ({key}) is in the layout but not in contentData");
            return new Block(key, ValuesByAlias(element), $"{where} ({key})");
        }).ToList();
    }

    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static Guid Key(JsonObject? item, string name, string where) =>
        Guid.TryParse(StringOf(item?[name]), out var key) ? key : throw new FormatException($"{where} has no valid \"{name}\"");

    private static Dictionary<string, JsonNode?> ValuesByAlias(JsonObject element)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in (element["values"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // Course's element types are invariant: values for a culture or segment are not Course's.
            if (value["culture"] is not null || value["segment"] is not null) continue;
            if (StringOf(value["alias"]) is { } alias) values[alias] = value["value"];
        }
        return values;
    }
}
