using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Core.Content;

/// <summary>
/// A video's chapters as the value of its <c>chapters</c> property: a block list of <c>chapter</c> elements, each
/// with a title, a start, the techniques it shows (a tree picker's document udis) and notes. Read by the Course
/// site's uSync import and by the Umbraco package, which finds the same value in the site's content.
/// </summary>
public static class ChapterBlocks
{
    /// <summary>The aliases of the <c>chapter</c> element's properties.</summary>
    public const string Title = "title", Start = "start", Techniques = "techniques", Notes = "notes";

    /// <summary>
    /// Chapters in layout order; Index, Slug and End follow from that order, the titles and
    /// <paramref name="duration"/>. Throws <see cref="FormatException"/> or <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyList<Chapter> Read(string value, int? duration)
    {
        var blocks = BlockListReader.Read(value, "chapter");
        var starts = blocks.Select(StartOf).ToList();
        return blocks.Select((block, index) =>
        {
            var title = block.Text(Title);
            if (string.IsNullOrWhiteSpace(title)) throw new FormatException($"{block.Where} has no title");
            return new Chapter
            {
                Key = block.Key,
                Index = index,
                Title = title,
                Slug = Slug.From(title),
                Start = starts[index],
                End = index + 1 < starts.Count ? starts[index + 1] : duration,
                TechniqueKeys = TechniqueKeys(block.Text(Techniques), block.Where),
                Notes = block.Text(Notes),
            };
        }).ToList();
    }

    /// <summary>A tree picker's value: document udis separated by commas.</summary>
    private static IReadOnlyList<Guid> TechniqueKeys(string value, string where) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => Udi.TryParseDocument(udi, out var key)
                ? key
                : throw new FormatException($"{where} techniques: \"{udi}\" is not a document udi"))
            .ToList();

    private static int StartOf(Block block)
    {
        block.Values.TryGetValue(Start, out var node);
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number >= 0) return number;
            if (value.GetValueKind() == JsonValueKind.String
                && int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out number)) return number;
        }
        var shown = node is null ? "missing" : $"\"{node.ToJsonString().Trim('"')}\"";
        throw new FormatException($"{block.Where} start is {shown}, not a whole number of seconds");
    }
}
