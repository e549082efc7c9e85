using Course.Core.Chapters;
using Course.Core.Content;

namespace Course.Core.Editing;

/// <summary>
/// Turns a parsed table of contents into chapters, keeping what editors attached to the chapters
/// they already had (key, techniques, notes): a chapter is the same chapter when its title or its
/// start is unchanged, so fixing a typo or nudging a time does not lose its technique links.
/// </summary>
public static class ChapterMerge
{
    public static IReadOnlyList<Chapter> Merge(IReadOnlyList<ParsedChapter> parsed, IReadOnlyList<Chapter> existing, int? duration)
    {
        var unclaimed = existing.ToList();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var chapters = new List<Chapter>(parsed.Count);
        foreach (var item in parsed)
        {
            var previous = unclaimed.FirstOrDefault(c => c.Title == item.Title)
                ?? unclaimed.FirstOrDefault(c => c.Start == item.Start);
            if (previous is not null) unclaimed.Remove(previous);
            chapters.Add(new Chapter
            {
                Key = previous?.Key ?? Guid.NewGuid(),
                Index = chapters.Count,
                Title = item.Title,
                Slug = UniqueSlug(item.Title, slugs),
                Start = item.Start,
                TechniqueKeys = previous?.TechniqueKeys ?? [],
                Notes = previous?.Notes ?? "",
            });
        }
        return ChapterSpans.WithEnds(chapters, duration);
    }

    // Two chapters may share a title ("Recap"); their pages still need their own address.
    private static string UniqueSlug(string title, HashSet<string> taken)
    {
        var slug = Slug.From(title);
        if (slug.Length == 0) slug = "chapter";
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }
}
