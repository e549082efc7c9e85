using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Core.Content;

/// <summary>
/// A video's chapters as the value of its <c>chapters</c> property: an Umbraco 15+ block list of
/// <c>chapter</c> elements (<c>contentData</c>, <c>expose</c>, <c>layout</c>, <c>settingsData</c>), each with a
/// title, a start, the techniques it shows (a tree picker's document udis) and notes. Read by the Course
/// site's uSync import and by the Umbraco package, which finds the same value in the site's content.
/// </summary>
public static class ChapterBlockList
{
    public const string LayoutAlias = "Umbraco.BlockList";

    /// <summary>The aliases of the <c>chapter</c> element's properties.</summary>
    public const string Title = "title", Start = "start", Techniques = "techniques", Notes = "notes";

    /// <summary>Readers accept keys in any case, as uSync's own reader does.</summary>
    private static readonly JsonNodeOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Chapters in layout order; Index, Slug and End follow from that order, the titles and
    /// <paramref name="duration"/>. Throws <see cref="FormatException"/> or <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyList<Chapter> Read(string value, int? duration)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var root = JsonNode.Parse(value, ReadOptions) as JsonObject
            ?? throw new FormatException("the chapters value is not a JSON object");

        var elements = new Dictionary<Guid, JsonObject>();
        foreach (var element in (root["contentData"] as JsonArray ?? []).OfType<JsonObject>())
        {
            elements[Key(element, "key", "a chapter in contentData")] = element;
        }

        var layout = root["layout"]?[LayoutAlias] as JsonArray
            ?? throw new FormatException($"the chapters block list has no \"layout\" for {LayoutAlias}");
        var blocks = layout.Select((item, index) =>
        {
            var where = $"chapter {index + 1}";
            var key = Key(item as JsonObject, "contentKey", $"{where} in the layout");
            if (!elements.TryGetValue(key, out var element))
                throw new FormatException($"{where} ({key}) is in the layout but not in contentData");
            return (Key: key, Values: ValuesByAlias(element), Where: $"{where} ({key})");
        }).ToList();

        var starts = blocks.Select(block => StartOf(block.Values, block.Where)).ToList();
        return blocks.Select((block, index) =>
        {
            var title = Text(block.Values, Title);
            if (string.IsNullOrWhiteSpace(title)) throw new FormatException($"{block.Where} has no title");
            return new Chapter
            {
                Key = block.Key,
                Index = index,
                Title = title,
                Slug = Slug.From(title),
                Start = starts[index],
                End = index + 1 < starts.Count ? starts[index + 1] : duration,
                TechniqueKeys = TechniqueKeys(Text(block.Values, Techniques), block.Where),
                Notes = Text(block.Values, Notes),
            };
        }).ToList();
    }

    private static Guid Key(JsonObject? item, string name, string where) =>
        Guid.TryParse(StringOf(item?[name]), out var key) ? key : throw new FormatException($"{where} has no valid \"{name}\"");

    /// <summary>A tree picker's value: document udis separated by commas.</summary>
    private static IReadOnlyList<Guid> TechniqueKeys(string value, string where) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => Udi.TryParseDocument(udi, out var key)
                ? key
                : throw new FormatException($"{where} techniques: \"{udi}\" is not a document udi"))
            .ToList();

    private static Dictionary<string, JsonNode?> ValuesByAlias(JsonObject element)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in (element["values"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // Course's element type is invariant: values for a culture or segment are not Course's.
            if (value["culture"] is not null || value["segment"] is not null) continue;
            if (StringOf(value["alias"]) is { } alias) values[alias] = value["value"];
        }
        return values;
    }

    private static int StartOf(Dictionary<string, JsonNode?> values, string where)
    {
        values.TryGetValue(Start, out var node);
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number >= 0) return number;
            if (value.GetValueKind() == JsonValueKind.String
                && int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out number)) return number;
        }
        var shown = node is null ? "missing" : $"\"{node.ToJsonString().Trim('"')}\"";
        throw new FormatException($"{where} start is {shown}, not a whole number of seconds");
    }

    private static string Text(Dictionary<string, JsonNode?> values, string alias) =>
        values.TryGetValue(alias, out var node) ? StringOf(node) ?? "" : "";

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
