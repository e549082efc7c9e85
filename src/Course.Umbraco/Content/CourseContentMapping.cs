using System.Text.Json;
using Course.Core.Captions;
using Course.Core.Content;
using Course.Umbraco.Chapters;
using Umbraco.Cms.Core.Models;
using static Course.Umbraco.Content.CourseDocumentTypes;

namespace Course.Umbraco.Content;

/// <summary>Which values of a node are read: those visitors see, or the ones saved since (what Umbraco's preview shows).</summary>
public enum ContentVersion
{
    Published,
    Draft,
}

/// <summary>
/// Reads Umbraco content (the published or the draft values of a <c>courseVideo</c> or <c>technique</c>) as Course.Core's
/// <see cref="Video"/> and <see cref="Technique"/>, so the Course pieces (search documents, JSON-LD, WebVTT, the player)
/// work on it unchanged.
/// </summary>
public static class CourseContentMapping
{
    public static bool IsVideo(IContentBase content) => content.ContentType.Alias == CourseDocumentTypes.Video;

    public static bool IsTechnique(IContentBase content) => content.ContentType.Alias == CourseDocumentTypes.Technique;

    public static Video ToVideo(IContent content, ContentVersion version = ContentVersion.Published)
    {
        var duration = Number(Value(content, version, VideoProperties.Duration));
        var description = Text(content, version, VideoProperties.Description);
        return new Video
        {
            Key = content.Key,
            Title = Name(content, version),
            Slug = SlugOf(content, version, VideoProperties.UrlName),
            Source = Text(content, version, VideoProperties.Source),
            Duration = duration,
            Description = description,
            Chapters = DescriptionChapters.Read(content.Key, description, duration,
                DescriptionChapters.Attached(Value(content, version, VideoProperties.Chapters), duration)).Chapters,
            Captions = Captions(Value(content, version, VideoProperties.Captions), duration),
            Published = content.Published,
            CreateDate = content.CreateDate,
            UpdateDate = content.PublishDate ?? content.UpdateDate,
            SortOrder = content.SortOrder,
        };
    }

    public static Technique ToTechnique(IContent content, ContentVersion version = ContentVersion.Published) => new()
    {
        Key = content.Key,
        Name = Name(content, version),
        Slug = SlugOf(content, version, TechniqueProperties.UrlName),
        Summary = Text(content, version, TechniqueProperties.Summary),
        Body = Text(content, version, TechniqueProperties.Body),
        Muscles = Tags(Value(content, version, TechniqueProperties.Muscles)),
        Regions = Tags(Value(content, version, TechniqueProperties.Regions)),
        Published = content.Published,
        CreateDate = content.CreateDate,
        UpdateDate = content.PublishDate ?? content.UpdateDate,
    };

    /// <summary>
    /// The <c>captions</c> block list read by Course.Core's reader, the one the Course site's uSync import uses; none
    /// when it is empty or breaks a caption rule (the video then plays without captions rather than failing the page).
    /// </summary>
    private static IReadOnlyList<CaptionTrack> Captions(object? value, int? duration)
    {
        if (value is not string { Length: > 0 } json) return [];
        try
        {
            return CaptionBlocks.Read(json, duration);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return [];
        }
    }

    private static string Name(IContent content, ContentVersion version) =>
        (version == ContentVersion.Published ? content.PublishName : null) ?? content.Name ?? "";

    /// <summary>The node's URL name when the editor set one (the uSync content does), else its name as a slug.</summary>
    private static string SlugOf(IContent content, ContentVersion version, string urlNameAlias) =>
        Slug.From(Text(content, version, urlNameAlias) is { Length: > 0 } urlName ? urlName : Name(content, version));

    private static object? Value(IContentBase content, ContentVersion version, string alias) =>
        content.HasProperty(alias) ? content.GetValue(alias, published: version == ContentVersion.Published) : null;

    private static string Text(IContentBase content, ContentVersion version, string alias) => Value(content, version, alias)?.ToString() ?? "";

    private static int? Number(object? value) => value switch
    {
        int number when number > 0 => number,
        long number when number is > 0 and <= int.MaxValue => (int)number,
        string text when int.TryParse(text, out var number) && number > 0 => number,
        _ => null,
    };

    /// <summary>Umbraco.Tags stores a JSON array (or, configured so, comma-separated text).</summary>
    private static IReadOnlyList<string> Tags(object? value)
    {
        var text = value?.ToString()?.Trim() ?? "";
        if (text.Length == 0) return [];
        var tags = text.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(text) ?? [] : text.Split(',');
        return tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
