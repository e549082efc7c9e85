using System.Runtime.CompilerServices;
using Course.Core.Content;
using Course.Search.Indexing;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Content;

/// <summary>
/// The documents published content becomes: pure mapping, no index involved. A full rebuild makes one per technique,
/// video and chapter (about 100,000 at the largest size measured), so each is built with the few allocations it needs:
/// dictionaries sized for their fields, value lists as arrays, no LINQ pipelines per document.
/// </summary>
public static class ContentValueSets
{
    private const string Paragraph = "\n\n";

    public static string IdOf(Guid key) => key.ToString("N");

    public static IEnumerable<ValueSet> All(PublishedContent content) =>
        content.Techniques.Select(ForTechnique).Concat(content.Videos.SelectMany(v => ForVideo(v, content)));

    public static ValueSet ForTechnique(Technique technique) => new(IdOf(technique.Key), CourseIndexSchema.Technique, null, new Dictionary<string, IReadOnlyList<object>>(6)
    {
        [Title] = [technique.Name],
        [CourseIndexSchema.Slug] = [technique.Slug],
        [Url] = [ContentUrls.Technique(technique)],
        [Body] = [Paragraphs([technique.Summary, technique.Body])],
        [Muscle] = [.. technique.Muscles],
        [Region] = [.. technique.Regions],
    });

    /// <summary>The video's document and one per chapter, the chapters its children.</summary>
    public static IEnumerable<ValueSet> ForVideo(Video video, PublishedContent content)
    {
        var id = IdOf(video.Key);
        var techniques = content.TechniquesIn(video);
        yield return new(id, CourseIndexSchema.Video, null, new Dictionary<string, IReadOnlyList<object>>(8)
        {
            [Title] = [video.Title],
            [CourseIndexSchema.Slug] = [video.Slug],
            [VideoSlug] = [video.Slug],
            [Url] = [ContentUrls.Video(video)],
            [Body] = [video.Description],
            [Techniques] = Names(techniques),
            [Muscle] = Tags(techniques, t => t.Muscles),
            [Region] = Tags(techniques, t => t.Regions),
        });
        foreach (var chapter in video.Chapters) yield return ForChapter(video, id, chapter, content.TechniquesOf(chapter));
    }

    /// <summary>A chapter leads to its second of the video (<c>?t=</c>) and is found by what its techniques are about.</summary>
    private static ValueSet ForChapter(Video video, string videoId, Chapter chapter, IReadOnlyList<Technique> techniques) =>
        new(IdOf(chapter.Key), CourseIndexSchema.Chapter, videoId, new Dictionary<string, IReadOnlyList<object>>(10)
        {
            [Title] = [chapter.Title],
            [CourseIndexSchema.Slug] = [chapter.Slug],
            [VideoSlug] = [video.Slug],
            [VideoTitle] = [video.Title],
            [Start] = [chapter.Start],
            [Url] = [ContentUrls.ChapterStart(video, chapter)],
            [Body] = [ChapterBody(chapter, techniques)],
            [Techniques] = Names(techniques),
            [Muscle] = Tags(techniques, t => t.Muscles),
            [Region] = Tags(techniques, t => t.Regions),
        });

    /// <summary>A visible comment on a video, leading to the second it is about (<paramref name="at"/>) or to the video's comments.</summary>
    public static ValueSet ForComment(Guid key, Video video, string author, string body, int? at) =>
        new(IdOf(key), CourseIndexSchema.Comment, IdOf(video.Key), new Dictionary<string, IReadOnlyList<object>>(7)
        {
            [Title] = [$"{author} on {video.Title}"],
            [Author] = [author],
            [Body] = [body],
            [VideoSlug] = [video.Slug],
            [VideoTitle] = [video.Title],
            [Url] = [at is int second ? ContentUrls.VideoAt(video, second) : $"{ContentUrls.Video(video)}#comments"],
            [Start] = at is int start ? [start] : [],
        });

    private static object[] Names(IReadOnlyList<Technique> techniques)
    {
        var names = new object[techniques.Count];
        for (var i = 0; i < names.Length; i++) names[i] = techniques[i].Name;
        return names;
    }

    /// <summary>The techniques' tags, each once, in order: a handful per document, so a list scan beats a hash set.</summary>
    private static List<object> Tags(IReadOnlyList<Technique> techniques, Func<Technique, IReadOnlyList<string>> tagsOf)
    {
        var tags = new List<object>();
        for (var i = 0; i < techniques.Count; i++)
        {
            var techniqueTags = tagsOf(techniques[i]);
            for (var j = 0; j < techniqueTags.Count; j++)
            {
                if (!tags.Contains(techniqueTags[j])) tags.Add(techniqueTags[j]);
            }
        }
        return tags;
    }

    /// <summary>The chapter's notes, then what each of its techniques is about.</summary>
    private static string ChapterBody(Chapter chapter, IReadOnlyList<Technique> techniques)
    {
        var parts = new string[techniques.Count + 1];
        parts[0] = chapter.Notes;
        for (var i = 0; i < techniques.Count; i++) parts[i + 1] = techniques[i].Summary;
        return Paragraphs(parts);
    }

    /// <summary>The non-blank parts, a blank line between them, written into one pooled buffer.</summary>
    private static string Paragraphs(ReadOnlySpan<string> parts)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0);
        var first = true;
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part)) continue;
            if (!first) text.AppendLiteral(Paragraph);
            text.AppendFormatted(part);
            first = false;
        }
        return text.ToStringAndClear();
    }
}
