using System.Text.Json.Nodes;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>Writes a video's chapters as the value of its <c>chapters</c> property, a <see cref="BlockList"/> of <c>chapter</c> elements; <see cref="ChapterBlocks"/> reads it.</summary>
internal static class ChapterBlockList
{
    public static string Write(IReadOnlyList<Chapter> chapters) => BlockList.Write(CourseSchema.ChapterType, chapters.Select(chapter => (chapter.Key, (IReadOnlyList<(string, JsonNode?)>)
    [
        (CourseSchema.Chapter.Notes, chapter.Notes),
        (CourseSchema.Chapter.Start, chapter.Start),
        (CourseSchema.Chapter.Techniques, string.Join(",", chapter.TechniqueKeys.Select(Udi.ForDocument))),
        (CourseSchema.Chapter.Title, chapter.Title),
    ])).ToList());
}
