using System.Xml.Linq;
using Course.Umbraco.Chapters;
using Course.Umbraco.Content;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Strings;

namespace Course.Umbraco.Tests;

// Inside Course.Umbraco.*, "Content" is the package's namespace: name Umbraco's model outright.
using Content = global::Umbraco.Cms.Core.Models.Content;

/// <summary>Real Umbraco content objects of the uSync document types, published as Umbraco's content service would.</summary>
public static class UmbracoContent
{
    public static readonly string SeedDescription = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "sciatica-tutorial.txt"));

    private static readonly IShortStringHelper ShortStrings = new DefaultShortStringHelper(new DefaultShortStringHelperConfig());

    public static readonly ContentType VideoType = Type(CourseDocumentTypes.Video,
        (CourseDocumentTypes.VideoProperties.Description, CourseChaptersDataEditor.Alias, ValueStorageType.Ntext),
        (CourseDocumentTypes.VideoProperties.Source, "Umbraco.TextBox", ValueStorageType.Nvarchar),
        (CourseDocumentTypes.VideoProperties.Duration, "Umbraco.Integer", ValueStorageType.Integer),
        (CourseDocumentTypes.VideoProperties.Chapters, "Umbraco.BlockList", ValueStorageType.Ntext),
        (CourseDocumentTypes.VideoProperties.Captions, "Umbraco.BlockList", ValueStorageType.Ntext),
        (CourseDocumentTypes.VideoProperties.UrlName, "Umbraco.TextBox", ValueStorageType.Nvarchar));

    public static readonly ContentType TechniqueType = Type(CourseDocumentTypes.Technique,
        (CourseDocumentTypes.TechniqueProperties.Summary, "Umbraco.TextArea", ValueStorageType.Ntext),
        (CourseDocumentTypes.TechniqueProperties.Body, "Umbraco.TextArea", ValueStorageType.Ntext),
        (CourseDocumentTypes.TechniqueProperties.Muscles, "Umbraco.Tags", ValueStorageType.Ntext),
        (CourseDocumentTypes.TechniqueProperties.Regions, "Umbraco.Tags", ValueStorageType.Ntext),
        (CourseDocumentTypes.TechniqueProperties.UrlName, "Umbraco.TextBox", ValueStorageType.Nvarchar));

    /// <param name="chapters">The <c>chapters</c> block list as Umbraco stores it (JSON), or none.</param>
    /// <param name="captions">The <c>captions</c> block list as Umbraco stores it (JSON), or none.</param>
    public static Content Video(string name, string slug, string description, int? duration = 1260, string source = "/media/sciatica.webm",
        string? chapters = null, Guid? key = null, string? captions = null)
    {
        var content = new Content(name, -1, VideoType) { Key = key ?? Guid.NewGuid() };
        content.SetValue(CourseDocumentTypes.VideoProperties.Description, description);
        content.SetValue(CourseDocumentTypes.VideoProperties.Chapters, chapters);
        content.SetValue(CourseDocumentTypes.VideoProperties.Captions, captions);
        content.SetValue(CourseDocumentTypes.VideoProperties.Source, source);
        content.SetValue(CourseDocumentTypes.VideoProperties.Duration, duration);
        content.SetValue(CourseDocumentTypes.VideoProperties.UrlName, slug);
        return Published(content);
    }

    /// <summary>A <c>courseVideo</c> node of a uSync content file, published with every value as the file holds it.</summary>
    public static Content USyncVideo(string file)
    {
        var node = XDocument.Load(file).Root!;
        string Value(string alias) => node.Element("Properties")?.Element(alias)?.Element("Value")?.Value ?? "";
        return Video((string)node.Element("Info")!.Element("NodeName")!.Attribute("Default")!, Value(CourseDocumentTypes.VideoProperties.UrlName),
            Value(CourseDocumentTypes.VideoProperties.Description), int.Parse(Value(CourseDocumentTypes.VideoProperties.Duration)),
            Value(CourseDocumentTypes.VideoProperties.Source), Value(CourseDocumentTypes.VideoProperties.Chapters),
            Guid.Parse((string)node.Attribute("Key")!), Value(CourseDocumentTypes.VideoProperties.Captions));
    }

    public static Content Technique(string name, string summary, string musclesJson, Guid? key = null)
    {
        var content = new Content(name, -1, TechniqueType) { Key = key ?? Guid.NewGuid() };
        content.SetValue(CourseDocumentTypes.TechniqueProperties.Summary, summary);
        content.SetValue(CourseDocumentTypes.TechniqueProperties.Muscles, musclesJson);
        return Published(content);
    }

    /// <summary>What publishing does to the model: the edited values become the published ones, the node is published.</summary>
    public static Content Published(Content content)
    {
        foreach (var property in content.Properties) property.PublishValues();
        content.PublishedState = PublishedState.Publishing;
        content.Published = true;
        content.PublishDate = DateTime.UtcNow;
        return content;
    }

    private static ContentType Type(string alias, params (string Alias, string Editor, ValueStorageType Storage)[] properties)
    {
        var type = new ContentType(ShortStrings, -1) { Alias = alias, Name = alias, Key = Guid.NewGuid() };
        foreach (var (propertyAlias, editor, storage) in properties)
            type.AddPropertyType(new PropertyType(ShortStrings, editor, storage, propertyAlias) { Name = propertyAlias });
        return type;
    }
}
