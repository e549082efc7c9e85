using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Course.Core.Captions;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// Content nodes to and from uSync's <c>Content/*.config</c> documents, shaped as uSync's
/// ContentSerializer writes them: every node at the root, invariant, no template.
/// </summary>
public sealed class USyncContentSerializer
{
    private const string DateFormat = "s"; // uSync's round-trip format, whole seconds, no zone

    public XDocument Serialize(Video video) => Node(
        video.Key, video.Title, CourseSchema.CourseVideo.Alias, video.CreateDate, video.SortOrder, video.Published,
        new()
        {
            [CourseSchema.CourseVideo.UrlName] = video.Slug,
            [CourseSchema.CourseVideo.Source] = video.Source,
            [CourseSchema.CourseVideo.Duration] = video.Duration?.ToString(CultureInfo.InvariantCulture) ?? "",
            [CourseSchema.CourseVideo.Description] = video.Description,
            [CourseSchema.CourseVideo.Chapters] = ChapterBlockList.Write(video.Chapters),
            [CourseSchema.CourseVideo.Captions] = CaptionBlockList.Write(video.Captions),
        });

    // Technique has no sort order of its own: uSync's SortOrder is written as 0.
    public XDocument Serialize(Technique technique) => Node(
        technique.Key, technique.Name, CourseSchema.Technique.Alias, technique.CreateDate, 0, technique.Published,
        new()
        {
            [CourseSchema.Technique.UrlName] = technique.Slug,
            [CourseSchema.Technique.Summary] = technique.Summary,
            [CourseSchema.Technique.Body] = technique.Body,
            [CourseSchema.Technique.Muscles] = Tags(technique.Muscles),
            [CourseSchema.Technique.Regions] = Tags(technique.Regions),
        });

    /// <summary>Reads a video or a technique; throws <see cref="USyncFormatException"/> naming the file and line.</summary>
    public USyncNode Deserialize(XDocument document, string fileName)
    {
        // Text XML cannot hold was written escaped (see USyncText); the document is the caller's fresh copy.
        USyncText.Unescape(document);
        return new NodeReader(document, fileName).Read();
    }

    private static XDocument Node(
        Guid key, string name, string contentType, DateTime createDate, int sortOrder, bool published,
        Dictionary<string, string> properties)
    {
        // The name is an attribute twice; when it holds text XML cannot, both are escaped (see USyncText).
        var root = new XElement("Content", new XAttribute("Key", key));
        root.Add(new XAttribute("Alias", USyncText.For(root, name)));
        var nodeName = new XElement("NodeName");
        nodeName.Add(new XAttribute("Default", USyncText.For(nodeName, name)));
        root.Add(
            new XAttribute("Level", 1),
            new XElement("Info",
                // uSync writes the parent's name as content, empty at the root.
                new XElement("Parent", new XAttribute("Key", Guid.Empty), ""),
                new XElement("Path", "/" + USyncNames.Alias(name)),
                new XElement("Trashed", false),
                new XElement("ContentType", contentType),
                new XElement("CreateDate", createDate.ToString(DateFormat, CultureInfo.InvariantCulture)),
                nodeName,
                new XElement("SortOrder", sortOrder),
                new XElement("Published", new XAttribute("Default", published)),
                new XElement("Schedule"),
                new XElement("Template")),
            new XElement("Properties",
                properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new XElement(p.Key, USyncText.Value(p.Value)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Tags stored as JSON (the Tags editor's default); no tags is an empty value, as Umbraco leaves it.</summary>
    private static string Tags(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? "" : SortedJson.Write(new JsonArray(tags.Select(tag => (JsonNode)tag).ToArray()));

    /// <summary>Reads one document, turning every defect into a <see cref="USyncFormatException"/> at its line.</summary>
    private sealed class NodeReader(XDocument document, string fileName)
    {
        public USyncNode Read()
        {
            var root = document.Root ?? throw Problem(document, "the file has no root element");
            if (root.Name != "Content") throw Problem(root, $"<{root.Name}> is not a content node (expected <Content>)");
            var key = Key(root);
            var info = Element(root, "Info");
            if (Flag(info.Element("Trashed"), "Trashed"))
                throw Problem(info.Element("Trashed")!, "the node is in the recycle bin; Course imports live content only");
            var contentType = Element(info, "ContentType");
            var nameElement = Element(info, "NodeName");
            var name = Attribute(nameElement, "Default").Value;
            if (string.IsNullOrWhiteSpace(name)) throw Problem(nameElement, "the node name is empty");
            var createDate = Date(Element(info, "CreateDate"));
            var published = Flag(info.Element("Published")?.Attribute("Default"), "Published");
            var sortOrder = info.Element("SortOrder") is { } sort ? Integer(sort, sort.Value) : 0;
            var properties = root.Element("Properties");

            return contentType.Value.Trim() switch
            {
                CourseSchema.CourseVideo.Alias => ReadVideo(),
                CourseSchema.Technique.Alias => ReadTechnique(),
                var other => throw Problem(contentType, $"content type \"{other}\" is not one of Course's document types"),
            };

            USyncVideo ReadVideo()
            {
                var durationValue = Value(properties, CourseSchema.CourseVideo.Duration);
                int? duration = string.IsNullOrWhiteSpace(durationValue?.Value) ? null : Integer(durationValue, durationValue.Value);
                var chaptersValue = Value(properties, CourseSchema.CourseVideo.Chapters);
                var captionsValue = Value(properties, CourseSchema.CourseVideo.Captions);
                return new USyncVideo(new Video
                {
                    Key = key,
                    Title = name,
                    Slug = SlugOr(Text(properties, CourseSchema.CourseVideo.UrlName), name),
                    Source = Text(properties, CourseSchema.CourseVideo.Source),
                    Duration = duration,
                    Description = Text(properties, CourseSchema.CourseVideo.Description),
                    Chapters = chaptersValue is null ? [] : BlockListValue(chaptersValue, "chapters", v => ChapterBlocks.Read(v, duration)),
                    Captions = captionsValue is null ? [] : BlockListValue(captionsValue, "captions", v => CaptionBlocks.Read(v, duration)),
                    Published = published,
                    CreateDate = createDate,
                    UpdateDate = createDate, // uSync does not carry it
                    SortOrder = sortOrder,
                });
            }

            USyncTechnique ReadTechnique() => new(new Technique
            {
                Key = key,
                Name = name,
                Slug = SlugOr(Text(properties, CourseSchema.Technique.UrlName), name),
                Summary = Text(properties, CourseSchema.Technique.Summary),
                Body = Text(properties, CourseSchema.Technique.Body),
                Muscles = Tags(Value(properties, CourseSchema.Technique.Muscles)),
                Regions = Tags(Value(properties, CourseSchema.Technique.Regions)),
                Published = published,
                CreateDate = createDate,
                UpdateDate = createDate,
            });
        }

        private static string SlugOr(string slug, string name) => string.IsNullOrWhiteSpace(slug) ? Slug.From(name) : slug.Trim();

        /// <summary>The invariant value of a property (uSync writes one per culture for variant properties).</summary>
        private static XElement? Value(XElement? properties, string alias) =>
            properties?.Element(alias)?.Elements("Value")
                .FirstOrDefault(v => v.Attribute("Culture") is null && v.Attribute("Segment") is null);

        private static string Text(XElement? properties, string alias) => Value(properties, alias)?.Value ?? "";

        private IReadOnlyList<T> BlockListValue<T>(XElement value, string property, Func<string, IReadOnlyList<T>> read)
        {
            try
            {
                return read(value.Value);
            }
            catch (JsonException e)
            {
                // The JSON starts on the <Value> line, so its line numbers add up.
                throw new USyncFormatException(new(fileName, LineOf(value) + (int)(e.LineNumber ?? 0), $"{property}: {e.Message}"));
            }
            catch (FormatException e)
            {
                throw Problem(value, e.Message);
            }
        }

        private IReadOnlyList<string> Tags(XElement? value)
        {
            var text = value?.Value.Trim() ?? "";
            if (text.Length == 0) return [];
            // Umbraco's Tags editor stores JSON by default and comma-separated text when configured so.
            if (!text.StartsWith('[')) return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                var tags = JsonNode.Parse(text) as JsonArray;
                if (tags is not null && tags.All(tag => tag?.GetValueKind() == JsonValueKind.String))
                    return tags.Select(tag => tag!.GetValue<string>()).ToList();
            }
            catch (JsonException)
            {
                // reported below
            }
            throw Problem(value!, "tags are neither a JSON array of strings nor comma-separated text");
        }

        private XElement Element(XElement parent, string name) =>
            parent.Element(name) ?? throw Problem(parent, $"<{parent.Name}> has no <{name}>");

        private XAttribute Attribute(XElement element, string name) =>
            element.Attribute(name) ?? throw Problem(element, $"<{element.Name}> has no {name} attribute");

        private Guid Key(XElement element)
        {
            var value = Attribute(element, "Key");
            return Guid.TryParse(value.Value, out var key) ? key : throw Problem(value, $"Key \"{value.Value}\" is not a GUID");
        }

        private DateTime Date(XElement element) =>
            DateTime.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? date
                : throw Problem(element, $"<{element.Name}> \"{element.Value}\" is not a date");

        private int Integer(XObject at, string text) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Problem(at, $"\"{text}\" is not a whole number");

        private bool Flag(XObject? at, string what)
        {
            var text = at switch { XAttribute a => a.Value, XElement e => e.Value, _ => null };
            if (text is null) return false;
            return bool.TryParse(text.Trim(), out var flag) ? flag : throw Problem(at!, $"{what} \"{text}\" is not true or false");
        }

        private USyncFormatException Problem(XObject at, string message) => new(new(fileName, LineOf(at), message));

        private static int? LineOf(XObject at) => ((IXmlLineInfo)at).HasLineInfo() ? ((IXmlLineInfo)at).LineNumber : null;
    }
}
