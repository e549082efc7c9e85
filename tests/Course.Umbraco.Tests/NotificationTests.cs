using Course.Search.Querying;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Strings;

namespace Course.Umbraco.Tests;

// Inside Course.Umbraco.*, "Content" is the package's namespace: name Umbraco's model outright.
using Content = global::Umbraco.Cms.Core.Models.Content;

/// <summary>
/// The content notification handlers fed real <see cref="Content"/> objects in real Umbraco notifications, over a real
/// Lucene index on disk: search follows publish, unpublish, the recycle bin and delete, and a restart finds the index
/// behind when a change was missed.
/// </summary>
public sealed class NotificationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "course-umbraco-index-" + Guid.NewGuid().ToString("N"));
    private readonly PublishedCourse course = new();
    private readonly LuceneCourseSearchIndex index;
    private readonly CourseContentNotifications handlers;

    public NotificationTests()
    {
        index = new LuceneCourseSearchIndex(folder, Course.Search.Analysis.SynonymList.Empty, course);
        handlers = new CourseContentNotifications(course, index);
    }

    [Fact]
    public async Task Search_follows_publish_unpublish_recycle_bin_and_delete()
    {
        await index.EnsureBuiltAsync(default);
        var video = UmbracoContent.Video("Sciatica myofascial release techniques", "sciatica-myofascial-release", UmbracoContent.SeedDescription);
        var technique = UmbracoContent.Technique("Pin and stretch", "Pin the piriformis, then stretch the hip.", """["piriformis","gluteus maximus"]""");

        await handlers.HandleAsync(new ContentPublishedNotification([video, technique], new EventMessages()), default);
        var hit = Assert.Single(Hits("open fists", "chapter"));
        Assert.Equal("/videos/sciatica-myofascial-release?t=880", hit.Text("url"));
        Assert.Single(Hits("piriformus", "technique"));   // a typo, as on the Course site

        await handlers.HandleAsync(new ContentUnpublishedNotification(video, new EventMessages()), default);
        Assert.Empty(Hits("open fists", "chapter"));
        Assert.Empty(Hits("sciatica", "video"));

        await handlers.HandleAsync(new ContentMovedToRecycleBinNotification(new MoveToRecycleBinEventInfo<IContent>(technique, "-1"), new EventMessages()), default);
        Assert.Empty(Hits("piriformis", "technique"));

        await handlers.HandleAsync(new ContentPublishedNotification(video, new EventMessages()), default);
        Assert.Single(Hits("open fists", "chapter"));
        await handlers.HandleAsync(new ContentDeletedNotification(video, new EventMessages()), default);
        Assert.Empty(Hits("open fists", "chapter"));
        Assert.Equal(0, index.Search(new SearchRequest("release")).Total);
    }

    [Fact]
    public async Task Other_document_types_leave_the_index_alone()
    {
        await index.EnsureBuiltAsync(default);
        var other = new Content("Home", -1, new ContentType(new DefaultShortStringHelper(new DefaultShortStringHelperConfig()), -1) { Alias = "home" });
        await handlers.HandleAsync(new ContentPublishedNotification(other, new EventMessages()), default);
        Assert.Empty(course.Current.Videos);
        Assert.Equal(0, index.Search(new SearchRequest("home")).Total);
    }

    [Fact]
    public async Task A_restart_rebuilds_an_index_that_missed_a_change()
    {
        var video = UmbracoContent.Video("Sciatica myofascial release techniques", "sciatica-myofascial-release", UmbracoContent.SeedDescription);
        course.Load([video]);
        Assert.True((await index.EnsureBuiltAsync(default)).Rebuilt);   // missing at first
        index.Dispose();

        // Umbraco published a technique while the site was down: the content loaded at start is ahead of the index.
        var technique = UmbracoContent.Technique("Pin and stretch", "Pin the piriformis.", """["piriformis"]""");
        var restarted = new PublishedCourse();
        restarted.Load([video, technique]);
        using var reopened = new LuceneCourseSearchIndex(folder, Course.Search.Analysis.SynonymList.Empty, restarted);
        var opening = await reopened.EnsureBuiltAsync(default);

        Assert.StartsWith("behind", opening.RebuildReason);
        Assert.Equal(1, reopened.Search(new SearchRequest("piriformis", Filter("technique"))).Total);
    }

    private IReadOnlyList<SearchHit> Hits(string text, string type) => index.Search(new SearchRequest(text, Filter(type))).Hits;

    private static Dictionary<string, IReadOnlyList<string>> Filter(string type) => new() { ["type"] = [type] };

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
