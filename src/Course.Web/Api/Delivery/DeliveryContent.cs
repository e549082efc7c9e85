using Course.Core.Content;
using Course.Data.USync;
using Course.Web.Api.Delivery.Querying;

namespace Course.Web.Api.Delivery;

/// <summary>
/// Course's documents as Umbraco's Delivery API sees them: every video and technique is a root node
/// (as in the uSync files), its URL segment is its slug (<c>umbracoUrlName</c>), and its properties are
/// typed by their property editors so that they render as Umbraco's value converters render them.
/// </summary>
public sealed class DeliveryContent
{
    /// <summary>Course's documents all sit at the root of the content tree: level 1, no parent, no children.</summary>
    public const int RootLevel = 1;

    private readonly Dictionary<Guid, DeliveryItem> byKey;
    private readonly Dictionary<string, DeliveryItem> bySegment;

    /// <param name="preview">Drafts: unpublished items route by key, and editors' chapter notes are shown.</param>
    public DeliveryContent(IEnumerable<Video> videos, IEnumerable<Technique> techniques, bool preview)
    {
        IsPreview = preview;
        // Tree order (Umbraco's default sort, and what sortOrder means): videos as the site lists them, then techniques.
        var documents = videos.OrderBy(v => v.SortOrder).ThenBy(v => v.Title, StringComparer.OrdinalIgnoreCase).Select(v => FromVideo(v, preview))
            .Concat(techniques.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(FromTechnique));
        Items = documents.Select((item, index) => item with { SortOrder = index }).ToList();
        byKey = Items.ToDictionary(i => i.Key);
        // Videos and techniques keep their slugs apart, so two roots may share a segment: the first in tree order has the route, as in Umbraco.
        bySegment = new Dictionary<string, DeliveryItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items) bySegment.TryAdd(item.UrlSegment, item);
    }

    public static DeliveryContent Published(PublishedContent content) => new(content.Videos, content.Techniques, preview: false);

    public bool IsPreview { get; }

    /// <summary>Every item, in tree order.</summary>
    public IReadOnlyList<DeliveryItem> Items { get; }

    public DeliveryItem? Find(Guid key) => byKey.GetValueOrDefault(key);

    /// <summary>A root's URL segment or key, as the <c>Start-Item</c> header names it.</summary>
    public DeliveryItem? FindRoot(string segmentOrKey)
    {
        var value = segmentOrKey.Trim('/');
        return Guid.TryParse(value, out var key) ? Find(key) : bySegment.GetValueOrDefault(value);
    }

    /// <summary>
    /// The item at a route path. Under a start item the path is relative to it (<c>/</c> is the start item
    /// itself); without one the first segment names a root. In preview, <c>/preview-{key}</c> finds drafts.
    /// </summary>
    public DeliveryItem? FindByPath(string path, DeliveryItem? startItem)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (IsPreview && segments is [var only] && only.StartsWith(PreviewPrefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(only[PreviewPrefix.Length..], out var key))
            return Find(key);
        return (startItem, segments) switch
        {
            (not null, []) => startItem,
            (null, [var segment]) => bySegment.GetValueOrDefault(segment),
            _ => null, // a deeper path names a child, and Course's roots have none
        };
    }

    /// <summary>
    /// What <c>fetch</c> selects. Without it, every item, or under a <c>Start-Item</c> the start item's
    /// descendants (Umbraco's rule). A fetch selects the ancestors, children or descendants of its target,
    /// and every Course document is a root without children, so there are none.
    /// </summary>
    public IReadOnlyList<DeliveryItem> Select(FetchOption? fetch, DeliveryItem? startItem) =>
        fetch is null && startItem is null ? Items : [];

    /// <summary>Runs a <c>GET /content</c> query: select, filter, sort (tree order breaks ties), then one page.</summary>
    public (int Total, IReadOnlyList<DeliveryItem> Page) Query(ContentQuery query, DeliveryItem? startItem)
    {
        var found = Select(query.Fetch, startItem).Where(item => query.Filters.All(filter => Matches(filter, item))).ToList();
        var order = Comparer<DeliveryItem>.Create((a, b) =>
            query.Sorts.Select(sort => Compare(sort, a, b)).FirstOrDefault(c => c != 0) is var c and not 0 ? c : a.SortOrder.CompareTo(b.SortOrder));
        return (found.Count, found.Order(order).Skip(query.Skip).Take(query.Take).ToList());
    }

    private static bool Matches(ContentFilter filter, DeliveryItem item) => filter switch
    {
        ContentTypeFilter type => type.Negate != item.ContentType.Equals(type.Alias, StringComparison.OrdinalIgnoreCase),
        NameFilter name => name.Negate != item.Name.Contains(name.Text, StringComparison.OrdinalIgnoreCase),
        DateFilter { Field: DateField.CreateDate } date => date.Matches(item.CreateDate),
        DateFilter date => date.Matches(item.UpdateDate),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.GetType().Name, "no matcher for this filter"),
    };

    private static int Compare(ContentSort sort, DeliveryItem a, DeliveryItem b)
    {
        if (sort.Descending) (a, b) = (b, a);
        return sort.Field switch
        {
            SortField.Name => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name),
            SortField.CreateDate => a.CreateDate.CompareTo(b.CreateDate),
            SortField.UpdateDate => a.UpdateDate.CompareTo(b.UpdateDate),
            SortField.SortOrder => a.SortOrder.CompareTo(b.SortOrder),
            _ => 0, // level: every item is a root
        };
    }

    /// <summary>Route of an item: <c>/{segment}/</c> with itself as start item (it is a root); an unpublished draft routes by key.</summary>
    public static ApiContentRoute RouteOf(DeliveryItem item) =>
        new(item.Published ? $"/{item.UrlSegment}/" : $"/{PreviewPrefix}{item.Key:D}/", new ApiContentStartItem(item.Key, item.UrlSegment));

    private const string PreviewPrefix = "preview-";

    private static DeliveryItem FromVideo(Video video, bool preview) => new(
        video.Key, video.Title, CourseSchema.CourseVideo.Alias, video.Slug, video.CreateDate, video.UpdateDate, video.Published,
        [
            new(CourseSchema.CourseVideo.Source, new TextValue(video.Source)),
            new(CourseSchema.CourseVideo.Duration, new NumberValue(video.Duration)),
            new(CourseSchema.CourseVideo.Description, new TextValue(video.Description)),
            new(CourseSchema.CourseVideo.Chapters, new BlockListValue(video.Chapters.Select(c => FromChapter(c, preview)).ToList())),
            new(CourseSchema.CourseVideo.UrlName, new TextValue(video.Slug)),
        ]);

    private static DeliveryElement FromChapter(Chapter chapter, bool preview)
    {
        List<DeliveryProperty> properties =
        [
            new(CourseSchema.Chapter.Title, new TextValue(chapter.Title)),
            new(CourseSchema.Chapter.Start, new NumberValue(chapter.Start)),
            new(CourseSchema.Chapter.Techniques, new PickerValue(chapter.TechniqueKeys)),
        ];
        // Editors' private notes: only for previews, which need the API key.
        if (preview) properties.Add(new(CourseSchema.Chapter.Notes, new TextValue(chapter.Notes)));
        return new DeliveryElement(chapter.Key, CourseSchema.Chapter.Alias, properties);
    }

    private static DeliveryItem FromTechnique(Technique technique) => new(
        technique.Key, technique.Name, CourseSchema.Technique.Alias, technique.Slug, technique.CreateDate, technique.UpdateDate, technique.Published,
        [
            new(CourseSchema.Technique.Summary, new TextValue(technique.Summary)),
            new(CourseSchema.Technique.Body, new TextValue(technique.Body)),
            new(CourseSchema.Technique.Muscles, new TagsValue(technique.Muscles)),
            new(CourseSchema.Technique.Regions, new TagsValue(technique.Regions)),
            new(CourseSchema.Technique.UrlName, new TextValue(technique.Slug)),
        ]);
}

/// <summary>A document: what every Delivery API item carries, and its properties in the document type's order.</summary>
public sealed record DeliveryItem(
    Guid Key, string Name, string ContentType, string UrlSegment, DateTime CreateDate, DateTime UpdateDate, bool Published,
    IReadOnlyList<DeliveryProperty> Properties)
{
    /// <summary>Position among its siblings (the roots), in tree order.</summary>
    public int SortOrder { get; init; }
}

/// <summary>An element inside a block list (a chapter).</summary>
public sealed record DeliveryElement(Guid Key, string ContentType, IReadOnlyList<DeliveryProperty> Properties);

public sealed record DeliveryProperty(string Alias, PropertyValue Value);

/// <summary>A property's value, by the kind of property editor that holds it.</summary>
public abstract record PropertyValue;

/// <summary>Textstring and Textarea: a string.</summary>
public sealed record TextValue(string Text) : PropertyValue;

/// <summary>Numeric: a whole number, null when empty.</summary>
public sealed record NumberValue(int? Number) : PropertyValue;

/// <summary>Tags: an array of strings.</summary>
public sealed record TagsValue(IReadOnlyList<string> Tags) : PropertyValue;

/// <summary>Multinode tree picker of documents: the picked items, shallow unless expanded.</summary>
public sealed record PickerValue(IReadOnlyList<Guid> Keys) : PropertyValue;

/// <summary>Block list: its elements, each with no settings.</summary>
public sealed record BlockListValue(IReadOnlyList<DeliveryElement> Elements) : PropertyValue;
