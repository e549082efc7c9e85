using Course.Core.Content;
using Course.Core.Notifications;
using Umbraco.Cms.Core.Models;

namespace Course.Umbraco.Content;

/// <summary>
/// The published course videos and techniques of the Umbraco site as Course.Core's <see cref="PublishedContent"/>:
/// loaded at start from <see cref="ICourseContentSource"/>, then kept by the content notifications. One immutable
/// snapshot at a time, swapped whole, so readers never see half a change.
/// </summary>
public sealed class PublishedCourse
{
    private readonly Lock writing = new();
    private volatile PublishedContent current = PublishedContent.Empty;

    public PublishedContent Current => current;

    public void Load(IEnumerable<IContent> published)
    {
        var items = published.Where(c => c.Published).ToList();
        lock (writing)
            current = new PublishedContent(
                items.Where(CourseContentMapping.IsVideo).Select(c => CourseContentMapping.ToVideo(c)),
                items.Where(CourseContentMapping.IsTechnique).Select(c => CourseContentMapping.ToTechnique(c)));
    }

    /// <summary>Takes the content's published version in; null when it is not course content.</summary>
    public ContentKind? Publish(IContent content)
    {
        if (CourseContentMapping.IsVideo(content))
        {
            var video = CourseContentMapping.ToVideo(content) with { Published = true };
            Swap(c => new PublishedContent(c.Videos.Where(v => v.Key != video.Key).Append(video), c.Techniques));
            return ContentKind.Video;
        }
        if (CourseContentMapping.IsTechnique(content))
        {
            var technique = CourseContentMapping.ToTechnique(content) with { Published = true };
            Swap(c => new PublishedContent(c.Videos, c.Techniques.Where(t => t.Key != technique.Key).Append(technique)));
            return ContentKind.Technique;
        }
        return null;
    }

    /// <summary>Takes the content out (unpublished, trashed or deleted); null when it is not course content.</summary>
    public ContentKind? Remove(IContentBase content)
    {
        if (!CourseContentMapping.IsVideo(content) && !CourseContentMapping.IsTechnique(content)) return null;
        Swap(c => new PublishedContent(c.Videos.Where(v => v.Key != content.Key), c.Techniques.Where(t => t.Key != content.Key)));
        return CourseContentMapping.IsVideo(content) ? ContentKind.Video : ContentKind.Technique;
    }

    private void Swap(Func<PublishedContent, PublishedContent> change)
    {
        lock (writing) current = change(current);
    }
}
