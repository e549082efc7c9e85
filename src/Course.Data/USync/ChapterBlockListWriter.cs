using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// Writes a video's chapters as the value of its <c>chapters</c> property, the block list that
/// <see cref="ChapterBlockList"/> (Course.Core) reads, with the element type and editors of Course's schema.
/// </summary>
internal static class ChapterBlockListWriter
{
    private const string LayoutAlias = ChapterBlockList.LayoutAlias;

    public static string Write(IReadOnlyList<Chapter> chapters)
    {
        if (chapters.Count == 0) return "";
        var elementType = CourseSchema.ChapterType;
        var json = new JsonObject
        {
            ["contentData"] = new JsonArray(chapters.Select(chapter => (JsonNode)new JsonObject
            {
                ["contentTypeKey"] = elementType.Key,
                ["key"] = chapter.Key,
                ["values"] = new JsonArray(
                    Value(CourseSchema.Chapter.Notes, chapter.Notes),
                    Value(CourseSchema.Chapter.Start, chapter.Start),
                    Value(CourseSchema.Chapter.Techniques, string.Join(",", chapter.TechniqueKeys.Select(Udi.ForDocument))),
                    Value(CourseSchema.Chapter.Title, chapter.Title)),
            }).ToArray()),
            // Umbraco shows only the blocks listed here; every chapter is shown.
            ["expose"] = new JsonArray(chapters.Select(chapter => (JsonNode)new JsonObject
            {
                ["contentKey"] = chapter.Key,
                ["culture"] = null,
                ["segment"] = null,
            }).ToArray()),
            ["layout"] = new JsonObject
            {
                [LayoutAlias] = new JsonArray(chapters.Select(chapter => (JsonNode)new JsonObject
                {
                    ["contentKey"] = chapter.Key,
                    ["settingsKey"] = null,
                }).ToArray()),
            },
            ["settingsData"] = new JsonArray(),
        };
        return SortedJson.Write(json);
    }

    private static JsonObject Value(string alias, JsonNode? value) => new()
    {
        ["alias"] = alias,
        ["culture"] = null,
        ["editorAlias"] = CourseSchema.ChapterType.Property(alias).DataType.Editor.Alias,
        ["segment"] = null,
        ["value"] = value,
    };
}
