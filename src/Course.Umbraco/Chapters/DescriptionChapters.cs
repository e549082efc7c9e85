using System.Security.Cryptography;
using System.Text;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Umbraco.Chapters;

/// <summary>
/// A video description read by Course.Core's table-of-contents parser: the chapters it gives and every problem
/// at its line. What the <c>Course.Chapters</c> property holds once converted, and what the editor's preview shows.
/// </summary>
public sealed record DescriptionChapters(string Description, TableOfContents TableOfContents, IReadOnlyList<Chapter> Chapters)
{
    public static readonly DescriptionChapters Empty = Read(Guid.Empty, "", null);

    /// <summary>
    /// Parses <paramref name="description"/>. Chapter keys are derived from the video's key and the chapter's slug,
    /// so the same chapter keeps its key (and its search document) every time the description is read.
    /// </summary>
    public static DescriptionChapters Read(Guid videoKey, string? description, int? duration)
    {
        var text = description ?? "";
        var contents = TableOfContentsParser.Parse(text, duration);
        var chapters = ChapterMerge.Merge(contents.Chapters, [], duration)
            .Select(chapter => chapter with { Key = ChapterKey(videoKey, chapter.Slug) })
            .ToList();
        return new DescriptionChapters(text, contents, chapters);
    }

    /// <summary>A name-based key (the first 16 bytes of SHA-256 over the video key and chapter slug).</summary>
    private static Guid ChapterKey(Guid videoKey, string chapterSlug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{videoKey:N}/{chapterSlug}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
