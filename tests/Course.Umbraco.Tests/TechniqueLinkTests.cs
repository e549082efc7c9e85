using System.Xml.Linq;
using Course.Core.Content;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Umbraco.Chapters;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PropertyEditors;

namespace Course.Umbraco.Tests;

// Inside Course.Umbraco.*, "Content" is the package's namespace: name Umbraco's model outright.
using Content = global::Umbraco.Cms.Core.Models.Content;

/// <summary>
/// Techniques linked to chapters as the repository's uSync content links them: the <c>chapters</c> block list's tree
/// pickers, read from the same node as the description, reach the chapters of the package, its search and the value
/// converter. The content is the real uSync files' values in real Umbraco <see cref="Content"/> objects.
/// </summary>
public sealed class TechniqueLinkTests : IDisposable
{
    private static readonly string ContentFolder = Path.Combine(Repository.Root, "uSync", "v17", "Content");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "course-umbraco-links-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_chapter_shows_the_techniques_its_block_picks_and_each_technique_knows_its_chapters()
    {
        var (video, blocks) = SeedVideo();
        var course = new PublishedCourse();
        course.Load([video, .. SeedTechniques()]);

        var chapters = course.Current.Videos.Single().Chapters;
        Assert.Equal(18, chapters.Count);
        var picked = blocks.Where(b => b.TechniqueKeys.Count > 0).ToList();
        Assert.True(picked.Count >= 10, $"the seed links {picked.Count} chapters to techniques");
        foreach (var block in picked)
            Assert.Equal(block.TechniqueKeys, chapters.Single(c => c.Start == block.Start).TechniqueKeys);

        var openFists = course.Current.FindTechnique("open-fists-for-myofascial-release")!;
        var shown = Assert.Single(course.Current.ChaptersShowing(openFists));
        Assert.Equal((880, "Using open fists for myofascial release"), (shown.Chapter.Start, shown.Chapter.Title));
    }

    [Fact]
    public void A_retitled_chapter_keeps_its_techniques_by_its_start_and_a_moved_one_by_its_title()
    {
        var (video, _) = SeedVideo();
        var description = (string)video.GetValue(CourseDocumentTypes.VideoProperties.Description)!;
        var edited = description
            .Replace("14:40 Using open fists for myofascial release", "14:40 Open fists")   // title changed, start kept
            .Replace("18:24", "18:30");                                                        // start changed, title kept
        var blocks = DescriptionChapters.Attached(video.GetValue(CourseDocumentTypes.VideoProperties.Chapters), 1260);

        var chapters = DescriptionChapters.Read(video.Key, edited, 1260, blocks).Chapters;

        Assert.Equal(blocks.Single(b => b.Start == 880).TechniqueKeys, chapters.Single(c => c.Title == "Open fists").TechniqueKeys);
        var moved = blocks.Single(b => b.Start == 1104);
        Assert.NotEmpty(moved.TechniqueKeys);
        Assert.Equal(moved.TechniqueKeys, chapters.Single(c => c.Start == 1110).TechniqueKeys);
    }

    [Fact]
    public async Task A_technique_hit_lists_the_chapters_that_show_it_and_follows_their_publishing()
    {
        var (video, _) = SeedVideo();
        var techniques = SeedTechniques();
        var course = new PublishedCourse();
        using var index = new LuceneCourseSearchIndex(folder, SynonymList.Empty, course);
        var handlers = new CourseContentNotifications(course, index);
        await index.EnsureBuiltAsync(default);

        await handlers.HandleAsync(new ContentPublishedNotification([video, .. techniques], new EventMessages()), default);
        Assert.Equal("/videos/sciatica-myofascial-release-techniques?t=880", Assert.Single(OpenFistsHit().Chapters!).Url);
        // A chapter is also found by the names of the techniques it shows, as on the Course site.
        Assert.Contains(Search(index, course, "open fists for myofascial release", "chapter").Hits, h => h.Url.EndsWith("?t=880"));

        await handlers.HandleAsync(new ContentUnpublishedNotification(video, new EventMessages()), default);
        Assert.Empty(OpenFistsHit().Chapters!);

        SearchHitResponse OpenFistsHit() =>
            Search(index, course, "open fists", "technique").Hits.Single(h => h.Title == "Open fists for myofascial release");
    }

    private static SearchResponse Search(LuceneCourseSearchIndex index, PublishedCourse course, string text, string type) =>
        SearchResponse.From(index.Search(new SearchRequest(text, new Dictionary<string, IReadOnlyList<string>> { ["type"] = [type] })), course.Current);

    [Fact]
    public void The_value_converter_gives_chapters_with_the_techniques_of_the_chapters_property()
    {
        var (video, blocks) = SeedVideo();
        var chaptersSource = video.GetValue(CourseDocumentTypes.VideoProperties.Chapters);
        var owner = Fake<IPublishedElement>.With(
            ("Key", _ => video.Key),
            ("GetProperty", args => (string)args[0]! switch
            {
                CourseDocumentTypes.VideoProperties.Duration => Fake<IPublishedProperty>.With(("GetValue", _ => 1260)),
                CourseDocumentTypes.VideoProperties.Chapters => Fake<IPublishedProperty>.With(("GetSourceValue", _ => chaptersSource)),
                _ => null,
            }));
        var type = Fake<IPublishedPropertyType>.With(("EditorAlias", _ => CourseChaptersDataEditor.Alias));
        var converter = new CourseChaptersValueConverter();

        var description = video.GetValue(CourseDocumentTypes.VideoProperties.Description);
        var value = (DescriptionChapters)converter.ConvertIntermediateToObject(owner, type, PropertyCacheLevel.Element,
            converter.ConvertSourceToIntermediate(owner, type, description, preview: false), preview: false)!;

        Assert.Equal(blocks.Single(b => b.Start == 880).TechniqueKeys, value.Chapters.Single(c => c.Start == 880).TechniqueKeys);
    }

    /// <summary>The first course's node as uSync keeps it: its description and its chapters block list, in a real <see cref="Content"/>.</summary>
    private static (Content Video, IReadOnlyList<Chapter> Blocks) SeedVideo()
    {
        var node = XDocument.Load(Path.Combine(ContentFolder, "sciatica-myofascial-release-techniques.config")).Root!;
        var chapters = Value(node, CourseDocumentTypes.VideoProperties.Chapters);
        var video = UmbracoContent.Video("Sciatica myofascial release techniques", "sciatica-myofascial-release-techniques",
            Value(node, CourseDocumentTypes.VideoProperties.Description), duration: 1260, chapters: chapters,
            key: Guid.Parse((string)node.Attribute("Key")!));
        return (video, ChapterBlocks.Read(chapters, 1260));
    }

    /// <summary>Every technique node of the uSync content, with its own key (the chapters' tree pickers name them by it).</summary>
    private static IReadOnlyList<Content> SeedTechniques() =>
        Directory.GetFiles(ContentFolder, "*.config")
            .Select(file => XDocument.Load(file).Root!)
            .Where(node => node.Element("Info")?.Element("ContentType")?.Value == CourseDocumentTypes.Technique)
            .Select(node => UmbracoContent.Technique((string)node.Attribute("Alias")!, Value(node, CourseDocumentTypes.TechniqueProperties.Summary),
                Value(node, CourseDocumentTypes.TechniqueProperties.Muscles), Guid.Parse((string)node.Attribute("Key")!)))
            .ToList();

    private static string Value(XElement node, string alias) => node.Element("Properties")?.Element(alias)?.Element("Value")?.Value ?? "";

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
