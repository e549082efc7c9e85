using Course.Core.Captions;
using Course.Core.Editing;
using Course.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Tests.Content;

public sealed class VideoServiceTests : IAsyncLifetime
{
    private readonly ContentStore store = new();
    private const string Toc = "A new technique video.\n0:00 Setting up\n0:40 Pin and stretch\n1:30 Abduction\n";

    public Task InitializeAsync() => store.InitializeAsync();
    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task An_empty_database_is_seeded_from_usync_and_published_to_the_cache()
    {
        var video = store.Cache.Current.FindVideo("sciatica-myofascial-release");
        Assert.NotNull(video);
        Assert.Equal(18, video.Chapters.Count);
        Assert.Equal(11, store.Cache.Current.Techniques.Count);
    }

    [Fact]
    public async Task A_new_video_is_a_draft_with_parsed_chapters_until_published()
    {
        var created = await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc));
        Assert.Equal(Data.Content.EditOutcome.Done, created.Outcome);
        Assert.Equal("hip-work", created.Value!.Slug);
        Assert.Equal([0, 40, 90], created.Value.Chapters.Select(c => c.Start));
        Assert.Null(store.Cache.Current.FindVideo("hip-work"));

        await store.Videos.PublishAsync("hip-work");
        Assert.NotNull(store.Cache.Current.FindVideo("hip-work"));
        Assert.Equal(
            [ContentChange.Saved, ContentChange.Published],
            store.Notifications.Select(n => n.Change));

        await store.Videos.UnpublishAsync("hip-work");
        Assert.Null(store.Cache.Current.FindVideo("hip-work"));
    }

    [Fact]
    public async Task Invalid_input_stores_nothing_and_names_every_bad_line()
    {
        var before = await CountVideos();
        var result = await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, "0:00 a\n7:7 b\n0:50 c\n0:40 d"));
        Assert.Equal(Data.Content.EditOutcome.Invalid, result.Outcome);
        var lines = result.Errors.ToDictionary()["description"];
        Assert.Contains(lines, l => l.StartsWith("line 2: "));
        Assert.Contains(lines, l => l.StartsWith("line 4: "));
        Assert.Equal(before, await CountVideos());
        Assert.Empty(store.Notifications);
    }

    [Fact]
    public async Task A_slug_in_use_is_a_conflict()
    {
        var result = await store.Videos.CreateAsync(new("Other", "sciatica-myofascial-release", "https://youtu.be/dQw4w9WgXcQ", null, Toc));
        Assert.Equal(Data.Content.EditOutcome.Conflict, result.Outcome);
        Assert.Contains("slug", result.Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Editing_the_description_keeps_technique_links_of_unchanged_chapters()
    {
        await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc));
        var linked = await store.Videos.LinkTechniquesAsync("hip-work", 1, ["pin-and-stretch-external-hip-rotators"]);
        Assert.Equal(Data.Content.EditOutcome.Done, linked.Outcome);

        var updated = await store.Videos.UpdateAsync("hip-work", new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc.Replace("0:40", "0:45")));
        Assert.Equal(45, updated.Value!.Chapters[1].Start);
        Assert.Single(updated.Value.Chapters[1].TechniqueKeys);
        Assert.Equal(linked.Value!.Chapters[1].Key, updated.Value.Chapters[1].Key);
    }

    [Fact]
    public async Task Linking_an_unknown_technique_or_chapter_is_refused()
    {
        await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc));
        var unknownTechnique = await store.Videos.LinkTechniquesAsync("hip-work", 1, ["no-such-technique"]);
        Assert.Equal(Data.Content.EditOutcome.Invalid, unknownTechnique.Outcome);
        Assert.Equal(["There is no technique 'no-such-technique'."], unknownTechnique.Errors.ToDictionary()["[0]"]);
        var unknownChapter = await store.Videos.LinkTechniquesAsync("hip-work", 9, []);
        Assert.Equal(Data.Content.EditOutcome.NotFound, unknownChapter.Outcome);
    }

    [Fact]
    public async Task Deleting_removes_the_video_and_its_chapters_and_captions()
    {
        await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc));
        var captioned = await store.Videos.SetCaptionsAsync("hip-work", new("en", null, CaptionFormat.WebVtt, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"u8.ToArray()));
        Assert.Equal(1, captioned.Value!.Captions.Single().Cues.Count);
        Assert.Equal(Data.Content.EditOutcome.Done, (await store.Videos.DeleteAsync("hip-work")).Outcome);
        Assert.Equal(Data.Content.EditOutcome.NotFound, (await store.Videos.DeleteAsync("hip-work")).Outcome);
        await using var db = await store.Databases.CreateDbContextAsync();
        // What the seed has: the tutorial's 18 chapters, the spoken demonstration's 5 and its English captions.
        Assert.Equal(18 + 5, await db.Chapters.CountAsync());
        Assert.Equal(1, await db.Captions.CountAsync());
    }

    [Fact]
    public async Task Techniques_are_created_published_and_leave_chapters_when_deleted()
    {
        var created = await store.Techniques.CreateAsync(new("Cross-fibre friction", null, "Short strokes.", "", ["piriformis"], ["hip"]));
        Assert.Equal("cross-fibre-friction", created.Value!.Slug);
        Assert.NotNull(store.Cache.Current.FindTechnique("cross-fibre-friction"));

        Assert.Equal(Data.Content.EditOutcome.Done, (await store.Techniques.DeleteAsync("pin-and-stretch-external-hip-rotators")).Outcome);
        var video = store.Cache.Current.FindVideo("sciatica-myofascial-release")!;
        Assert.Empty(store.Cache.Current.TechniquesOf(video.Chapters[16]));
    }

    [Fact]
    public async Task Saving_a_published_video_keeps_the_published_version_live_until_it_is_published_again()
    {
        await store.Videos.CreateAsync(new("Hip work", null, "https://youtu.be/dQw4w9WgXcQ", 120, Toc));
        await store.Videos.PublishAsync("hip-work");

        var saved = await store.Videos.UpdateAsync("hip-work", new("Hip work, revised", "hip-work-revised", "https://youtu.be/dQw4w9WgXcQ", 120, Toc.Replace("Abduction", "Abduction, revised")));
        Assert.True(saved.Value!.HasUnpublishedChanges);
        var live = store.Cache.Current.FindVideo("hip-work");
        Assert.NotNull(live);
        Assert.Equal("Hip work", live.Title);
        Assert.Equal("Abduction", live.Chapters[^1].Title);
        Assert.Null(store.Cache.Current.FindVideo("hip-work-revised"));

        // The live address stays taken while it is live.
        var clash = await store.Videos.CreateAsync(new("Other", "hip-work", "https://youtu.be/dQw4w9WgXcQ", null, Toc));
        Assert.Equal(Data.Content.EditOutcome.Conflict, clash.Outcome);

        var published = await store.Videos.PublishAsync("hip-work-revised");
        Assert.False(published.Value!.HasUnpublishedChanges);
        Assert.Null(store.Cache.Current.FindVideo("hip-work"));
        Assert.Equal("Abduction, revised", store.Cache.Current.FindVideo("hip-work-revised")!.Chapters[^1].Title);
        Assert.Equal(Data.Content.EditOutcome.Done, (await store.Videos.CreateAsync(new("Other", "hip-work", "https://youtu.be/dQw4w9WgXcQ", null, Toc))).Outcome);
    }

    [Fact]
    public async Task Saving_a_published_technique_waits_for_publishing_too()
    {
        var saved = await store.Techniques.UpdateAsync("open-fists", new("Open fists, renamed", null, "New summary.", null, ["gluteus maximus"], ["hip"]));
        Assert.True(saved.Value!.HasUnpublishedChanges);
        Assert.NotEqual("New summary.", store.Cache.Current.FindTechnique("open-fists")!.Summary);
        await store.Techniques.PublishAsync("open-fists");
        Assert.Equal("New summary.", store.Cache.Current.FindTechnique("open-fists")!.Summary);
    }

    private async Task<int> CountVideos()
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        return await db.Videos.CountAsync();
    }
}
