using Course.Core.Chapters;

namespace Course.Core.Content;

/// <summary>
/// What visitors can see: the published videos and techniques, linked both ways, immutable.
/// Built once per content change and shared by every request, like Umbraco's published cache.
/// </summary>
public sealed class PublishedContent
{
    public static readonly PublishedContent Empty = new([], []);

    private readonly Dictionary<string, Video> videosBySlug;
    private readonly Dictionary<string, Technique> techniquesBySlug;
    private readonly Dictionary<Guid, Technique> techniquesByKey;
    private readonly Dictionary<Guid, IReadOnlyList<ChapterLink>> chaptersByTechnique;

    public PublishedContent(IEnumerable<Video> videos, IEnumerable<Technique> techniques)
    {
        Videos = videos.Where(v => v.Published).OrderBy(v => v.SortOrder).ThenBy(v => v.Title, StringComparer.OrdinalIgnoreCase).ToList();
        Techniques = techniques.Where(t => t.Published).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        videosBySlug = Videos.ToDictionary(v => v.Slug, StringComparer.OrdinalIgnoreCase);
        techniquesBySlug = Techniques.ToDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);
        techniquesByKey = Techniques.ToDictionary(t => t.Key);
        chaptersByTechnique = Videos
            .SelectMany(v => v.Chapters.SelectMany(c => c.TechniqueKeys.Select(k => (Key: k, Link: new ChapterLink(v, c)))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ChapterLink>)g.Select(x => x.Link).ToList());
    }

    public IReadOnlyList<Video> Videos { get; }
    public IReadOnlyList<Technique> Techniques { get; }

    public Video? FindVideo(string slug) => videosBySlug.GetValueOrDefault(slug);

    public Technique? FindTechnique(string slug) => techniquesBySlug.GetValueOrDefault(slug);

    /// <summary>The published techniques a chapter shows; unpublished or deleted picks are left out.</summary>
    public IReadOnlyList<Technique> TechniquesOf(Chapter chapter)
    {
        // Index loops rather than LINQ or foreach over the list's interface (an enumerator each): the search index asks
        // this for every chapter when it is rebuilt.
        var keys = chapter.TechniqueKeys;
        var techniques = new List<Technique>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (techniquesByKey.TryGetValue(keys[i], out var technique)) techniques.Add(technique);
        }
        return techniques;
    }

    /// <summary>The published techniques any chapter of the video shows, each once, in chapter order.</summary>
    public IReadOnlyList<Technique> TechniquesIn(Video video)
    {
        var techniques = new List<Technique>();
        var seen = new HashSet<Guid>();
        foreach (var chapter in video.Chapters)
        {
            for (var i = 0; i < chapter.TechniqueKeys.Count; i++)
            {
                var key = chapter.TechniqueKeys[i];
                if (techniquesByKey.TryGetValue(key, out var technique) && seen.Add(key)) techniques.Add(technique);
            }
        }
        return techniques;
    }

    /// <summary>Every published chapter that shows the technique, in video then chapter order.</summary>
    public IReadOnlyList<ChapterLink> ChaptersShowing(Technique technique) =>
        chaptersByTechnique.GetValueOrDefault(technique.Key) ?? [];
}

/// <summary>A chapter together with the video it belongs to.</summary>
public sealed record ChapterLink(Video Video, Chapter Chapter)
{
    /// <summary>How pages cite the chapter: the video and the second it starts at ("Sciatica myofascial release techniques, 18:24").</summary>
    public string Citation => $"{Video.Title}, {new Timestamp(Chapter.Start)}";
}
