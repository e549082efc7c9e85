using Course.Core.Content;
using Course.Search.Indexing;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Content;

/// <summary>The documents published content becomes: pure mapping, no index involved.</summary>
public static class ContentValueSets
{
    public static string IdOf(Guid key) => key.ToString("N");

    public static IEnumerable<ValueSet> All(PublishedContent content) =>
        content.Techniques.Select(ForTechnique).Concat(content.Videos.SelectMany(v => ForVideo(v, content)));

    public static ValueSet ForTechnique(Technique technique) => new(IdOf(technique.Key), CourseIndexSchema.Technique, null, new Dictionary<string, IReadOnlyList<object>>
    {
        [Title] = [technique.Name],
        [CourseIndexSchema.Slug] = [technique.Slug],
        [Url] = [ContentUrls.Technique(technique)],
        [Body] = [Join(technique.Summary, technique.Body)],
        [Muscle] = [.. technique.Muscles],
        [Region] = [.. technique.Regions],
    });

    /// <summary>The video's document and one per chapter, the chapters its children.</summary>
    public static IEnumerable<ValueSet> ForVideo(Video video, PublishedContent content)
    {
        var techniques = content.TechniquesIn(video);
        yield return new(IdOf(video.Key), CourseIndexSchema.Video, null, new Dictionary<string, IReadOnlyList<object>>
        {
            [Title] = [video.Title],
            [CourseIndexSchema.Slug] = [video.Slug],
            [VideoSlug] = [video.Slug],
            [Url] = [ContentUrls.Video(video)],
            [Body] = [video.Description],
            [Techniques] = [.. techniques.Select(t => t.Name)],
            [Muscle] = Tags(techniques.SelectMany(t => t.Muscles)),
            [Region] = Tags(techniques.SelectMany(t => t.Regions)),
        });
        foreach (var chapter in video.Chapters) yield return ForChapter(video, chapter, content);
    }

    /// <summary>A chapter leads to its second of the video (<c>?t=</c>) and is found by what its techniques are about.</summary>
    public static ValueSet ForChapter(Video video, Chapter chapter, PublishedContent content)
    {
        var techniques = content.TechniquesOf(chapter);
        return new(IdOf(chapter.Key), CourseIndexSchema.Chapter, IdOf(video.Key), new Dictionary<string, IReadOnlyList<object>>
        {
            [Title] = [chapter.Title],
            [CourseIndexSchema.Slug] = [chapter.Slug],
            [VideoSlug] = [video.Slug],
            [VideoTitle] = [video.Title],
            [Start] = [chapter.Start],
            [Url] = [ContentUrls.ChapterStart(video, chapter)],
            [Body] = [Join([chapter.Notes, .. techniques.Select(t => t.Summary)])],
            [Techniques] = [.. techniques.Select(t => t.Name)],
            [Muscle] = Tags(techniques.SelectMany(t => t.Muscles)),
            [Region] = Tags(techniques.SelectMany(t => t.Regions)),
        });
    }

    /// <summary>A visible comment on a video, leading to the second it is about (<paramref name="at"/>) or to the video's comments.</summary>
    public static ValueSet ForComment(Guid key, Video video, string author, string body, int? at) =>
        new(IdOf(key), CourseIndexSchema.Comment, IdOf(video.Key), new Dictionary<string, IReadOnlyList<object>>
        {
            [Title] = [$"{author} on {video.Title}"],
            [Author] = [author],
            [Body] = [body],
            [VideoSlug] = [video.Slug],
            [VideoTitle] = [video.Title],
            [Url] = [at is int second ? ContentUrls.VideoAt(video, second) : $"{ContentUrls.Video(video)}#comments"],
            [Start] = at is int start ? [start] : [],
        });

    private static List<object> Tags(IEnumerable<string> tags) => [.. tags.Distinct()];

    private static string Join(params string[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
