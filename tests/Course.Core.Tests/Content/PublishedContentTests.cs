using Course.Core.Chapters;
using Course.Core.Content;

namespace Course.Core.Tests.Content;

public sealed class PublishedContentTests
{
    private static readonly Technique PinAndStretch = Technique("pin-and-stretch", published: true);
    private static readonly Technique Draft = Technique("draft-technique", published: false);

    private static Technique Technique(string slug, bool published) =>
        new() { Key = Guid.NewGuid(), Name = slug, Slug = slug, Published = published };

    private static Video Video(string slug, bool published, params Chapter[] chapters) => new()
    {
        Key = Guid.NewGuid(), Title = slug, Slug = slug, Source = "/media/x.webm", Duration = 100, Published = published,
        Chapters = ChapterSpans.WithEnds(chapters, 100),
    };

    private static Chapter Chapter(int start, params Technique[] techniques) => new()
    {
        Key = Guid.NewGuid(), Index = 0, Title = $"At {start}", Slug = $"at-{start}", Start = start,
        TechniqueKeys = techniques.Select(t => t.Key).ToList(),
    };

    [Fact]
    public void Only_published_content_is_visible()
    {
        var content = new PublishedContent(
            [Video("live", true, Chapter(0)), Video("draft", false, Chapter(0))],
            [PinAndStretch, Draft]);
        Assert.NotNull(content.FindVideo("live"));
        Assert.Null(content.FindVideo("draft"));
        Assert.NotNull(content.FindTechnique("pin-and-stretch"));
        Assert.Null(content.FindTechnique("draft-technique"));
    }

    [Fact]
    public void Chapters_and_techniques_link_both_ways_leaving_out_unpublished_picks()
    {
        var video = Video("live", true, Chapter(0), Chapter(40, PinAndStretch, Draft), Chapter(70, PinAndStretch));
        var content = new PublishedContent([video], [PinAndStretch, Draft]);
        var chapter = content.FindVideo("live")!.Chapters[1];
        Assert.Equal(["pin-and-stretch"], content.TechniquesOf(chapter).Select(t => t.Slug));
        Assert.Equal([40, 70], content.ChaptersShowing(PinAndStretch).Select(l => l.Chapter.Start));
        Assert.Single(content.TechniquesIn(video));
    }

    [Fact]
    public void Chapter_spans_end_where_the_next_begins_and_the_last_with_the_video()
    {
        var chapters = ChapterSpans.WithEnds([Chapter(30), Chapter(0), Chapter(60)], duration: 90);
        Assert.Equal([0, 30, 60], chapters.Select(c => c.Start));
        Assert.Equal([0, 1, 2], chapters.Select(c => c.Index));
        Assert.Equal<int?>([30, 60, 90], chapters.Select(c => c.End));
        Assert.Null(ChapterSpans.WithEnds([Chapter(0)], duration: null)[0].End);
    }

    [Fact]
    public void The_chapters_track_has_one_cue_per_chapter()
    {
        var video = Video("live", true, Chapter(0), Chapter(65)) with { Duration = 3700 };
        video = video with { Chapters = ChapterSpans.WithEnds(video.Chapters, 3700) };
        var vtt = WebVttChapters.Write(video);
        Assert.Equal("WEBVTT\n\nat-0\n00:00:00.000 --> 00:01:05.000\nAt 0\n\nat-65\n00:01:05.000 --> 01:01:40.000\nAt 65\n", vtt);
    }

    [Fact]
    public void Written_times_in_text_are_found_and_others_left_alone()
    {
        var runs = TimeMentions.Split("See 13:15 and 1:02:03, not 12:345 or 5:75 or 1:2:3:4.");
        Assert.Equal([795, 3723], runs.Where(r => r.Seconds is not null).Select(r => r.Seconds!.Value));
        Assert.Equal("See 13:15 and 1:02:03, not 12:345 or 5:75 or 1:2:3:4.", string.Concat(runs.Select(r => r.Text)));
    }
}
