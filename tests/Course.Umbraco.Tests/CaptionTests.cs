using Course.Core.Captions;
using Course.Core.Content;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace Course.Umbraco.Tests;

/// <summary>
/// Captions in the package, from the repository's read-aloud video as uSync keeps it (its <c>captions</c> block list in
/// a real Umbraco <c>Content</c>): mapped by Course.Core's caption reader, and its spoken words searchable as transcript
/// hits that land at the cue's second. The track endpoint and the player's tracks are checked over HTTP in the packing test.
/// </summary>
public sealed class CaptionTests : IDisposable
{
    public static readonly string ReadAloudFile = Path.Combine(Repository.Root, "uSync", "v17", "Content", "sciatica-myofascial-release-the-approach-read-aloud.config");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "course-umbraco-captions-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_video_with_captions_maps_them_through_the_sites_caption_reader()
    {
        var content = UmbracoContent.USyncVideo(ReadAloudFile);
        var block = Assert.Single(BlockListReader.Read((string)content.GetValue(CourseDocumentTypes.VideoProperties.Captions)!, "caption"));

        var video = CourseContentMapping.ToVideo(content);

        var track = Assert.Single(video.Captions);
        Assert.Equal((block.Key, "en", "English"), (track.Key, track.Language, track.Label));
        // The uSync file holds normalised WebVTT: the mapped track writes it back byte for byte.
        Assert.Equal(block.Text(CaptionBlocks.Track), track.ToWebVtt());
        Assert.Equal(26, track.Cues.Count);
        Assert.Equal(new CaptionCue(TimeSpan.Zero, TimeSpan.FromMilliseconds(5557),
            "Do you have massage clients with low back/hip pain that sometimes shoots down their leg?"), track.Cues[0]);
        Assert.Same(track, video.CaptionsIn("EN"));
        Assert.Equal(5, video.Chapters.Count);
    }

    [Fact]
    public void Captions_that_break_a_rule_leave_the_video_playing_without_them()
    {
        var content = UmbracoContent.USyncVideo(ReadAloudFile);
        var captions = (string)content.GetValue(CourseDocumentTypes.VideoProperties.Captions)!;
        var broken = captions.Replace("00:00:05.857 --> 00:00:06.839", "00:00:05.857 --> 00:00:04.839");   // ends before it starts
        Assert.NotEqual(captions, broken);
        content.SetValue(CourseDocumentTypes.VideoProperties.Captions, broken);

        var video = CourseContentMapping.ToVideo(UmbracoContent.Published(content));

        Assert.Empty(video.Captions);
        Assert.Equal(5, video.Chapters.Count);
    }

    [Fact]
    public async Task A_spoken_word_is_a_transcript_hit_at_its_cues_second_until_the_video_is_unpublished()
    {
        var course = new PublishedCourse();
        using var index = new LuceneCourseSearchIndex(folder, SynonymList.Empty, course);
        var handlers = new CourseContentNotifications(course, index);
        await index.CatchUpAsync(default);
        var video = UmbracoContent.USyncVideo(ReadAloudFile);

        await handlers.HandleAsync(new ContentPublishedNotification(video, new EventMessages()), default);
        // Said at 1:27.028 ("and to slowly desensitize the region."), in the passage that starts at 1:06.
        var hit = Assert.Single(Transcript(index, course, "desensitize").Hits);
        Assert.Equal(("/videos/sciatica-approach-read-aloud?t=87", 87), (hit.Url, hit.Start));
        Assert.Equal("At 1:27, in Angles, not knots", hit.Title);
        Assert.Contains("<mark>desensitize</mark>", hit.Snippet);
        Assert.Equal("/videos/sciatica-approach-read-aloud?t=87", Assert.Single(Transcript(index, course, "desensitise").Hits).Url);   // a typo

        await handlers.HandleAsync(new ContentUnpublishedNotification(video, new EventMessages()), default);
        Assert.Empty(Transcript(index, course, "desensitize").Hits);
    }

    private static SearchResponse Transcript(LuceneCourseSearchIndex index, PublishedCourse course, string text) =>
        SearchResponse.From(index.Search(new SearchRequest(text, new Dictionary<string, IReadOnlyList<string>> { ["type"] = [CourseIndexSchema.Transcript] })), course.Current);

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
