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
    /// <param name="attached">
    /// The video's <c>chapters</c> block list: what editors attached to each chapter (the techniques it shows,
    /// notes). A chapter of the description takes them from the block whose title, else whose start, it shares,
    /// as on the Course site, so fixing a typo or nudging a time keeps a chapter's techniques.
    /// </param>
    public static DescriptionChapters Read(Guid videoKey, string? description, int? duration, IReadOnlyList<Chapter>? attached = null)
    {
        var text = description ?? "";
        var contents = TableOfContentsParser.Parse(text, duration);
        var chapters = ChapterMerge.Merge(contents.Chapters, attached ?? [], duration)
            .Select(chapter => chapter with { Key = ChapterKey(videoKey, chapter.Slug) })
            .ToList();
        return new DescriptionChapters(text, contents, chapters);
    }

    /// <summary>
    /// The <c>chapters</c> block list's value read by Course.Core's reader; none when it is empty or not a block list
    /// of chapters (the description's chapters then show no techniques rather than failing the page).
    /// </summary>
    public static IReadOnlyList<Chapter> Attached(object? chaptersValue, int? duration)
    {
        if (chaptersValue is not string { Length: > 0 } json) return [];
        try
        {
            return ChapterBlocks.Read(json, duration);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>A name-based key (the first 16 bytes of SHA-256 over the video key and chapter slug).</summary>
    private static Guid ChapterKey(Guid videoKey, string chapterSlug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{videoKey:N}/{chapterSlug}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
