using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>A video's chapters as the value of its <c>chapters</c> property: a <see cref="BlockList"/> of <c>chapter</c> elements.</summary>
internal static class ChapterBlockList
{
    public static string Write(IReadOnlyList<Chapter> chapters) => BlockList.Write(CourseSchema.ChapterType, chapters.Select(chapter => (chapter.Key, (IReadOnlyList<(string, JsonNode?)>)
    [
        (CourseSchema.Chapter.Notes, chapter.Notes),
        (CourseSchema.Chapter.Start, chapter.Start),
        (CourseSchema.Chapter.Techniques, string.Join(",", chapter.TechniqueKeys.Select(Udi.ForDocument))),
        (CourseSchema.Chapter.Title, chapter.Title),
    ])).ToList());

    /// <summary>
    /// Chapters in layout order; Index, Slug and End follow from that order, the titles and
    /// <paramref name="duration"/>. Throws <see cref="FormatException"/> or <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyList<Chapter> Read(string value, int? duration)
    {
        var blocks = BlockList.Read(value, "chapter");
        var starts = blocks.Select(Start).ToList();
        return blocks.Select((block, index) =>
        {
            var title = block.Text(CourseSchema.Chapter.Title);
            if (string.IsNullOrWhiteSpace(title)) throw new FormatException($"{block.Where} has no title");
            return new Chapter
            {
                Key = block.Key,
                Index = index,
                Title = title,
                Slug = Slug.From(title),
                Start = starts[index],
                End = index + 1 < starts.Count ? starts[index + 1] : duration,
                TechniqueKeys = TechniqueKeys(block.Text(CourseSchema.Chapter.Techniques), block.Where),
                Notes = block.Text(CourseSchema.Chapter.Notes),
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

    private static int Start(Block block)
    {
        block.Values.TryGetValue(CourseSchema.Chapter.Start, out var node);
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
