using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Editing;

/// <summary>The <c>export</c> and <c>import</c> commands: a whole site's content through uSync files into an empty database.</summary>
public sealed class USyncCommandTests : IDisposable
{
    private readonly EditorSite source = new();
    private readonly CourseSite empty = new();
    private readonly string exported = Directory.CreateTempSubdirectory("course-export-").FullName;

    public USyncCommandTests()
    {
        // An empty uSync folder seeds nothing: the database starts empty.
        var emptyFolder = Path.Combine(empty.Folder, "empty-uSync");
        Directory.CreateDirectory(emptyFolder);
        empty.Settings["Course:USync:Folder"] = emptyFolder;
    }

    public void Dispose()
    {
        source.Dispose();
        empty.Dispose();
        Directory.Delete(exported, recursive: true);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_content_field_by_field()
    {
        // Content beyond the seed: a draft with chapter techniques and notes, and a draft technique.
        var slug = await source.CreateVideoAsync("Round trip", "Round trip description.\n0:00 One\n1:00 Two\n2:00 Three");
        var videos = source.Site.Services.GetRequiredService<VideoService>();
        await videos.EditChaptersAsync(slug, [new(1, ["open-fists", "gluteal-landmarks"], "Watch the elbow.")]);
        var srt = "1\r\n00:00:01,500 --> 00:00:04,000\r\n<i>Round</i> trip &amp; “quotes”\r\n\r\n2\r\n00:01:00,000 --> 00:01:02,250\r\nTwo lines\r\nhere\r\n"u8.ToArray();
        Assert.NotNull((await videos.SetCaptionsAsync(slug, new("de", "Deutsch", Course.Core.Captions.CaptionFormat.SubRip, srt))).Value);
        await source.Site.Services.GetRequiredService<TechniqueService>().CreateAsync(new("Draft technique", null, "S", "B", ["a"], ["b"]), publish: false);

        Assert.Equal(0, await source.Site.RunCommandAsync("export", "--folder", exported));
        Assert.Empty(await empty.Services.GetRequiredService<VideoService>().ListAsync());
        Assert.Equal(0, await empty.RunCommandAsync("import", "--folder", exported));

        var expectedVideos = await videos.ListAsync();
        var actualVideos = await empty.Services.GetRequiredService<VideoService>().ListAsync();
        Assert.Equal(expectedVideos.Select(v => v.Key).Order(), actualVideos.Select(v => v.Key).Order());
        foreach (var expected in expectedVideos) Same(expected, actualVideos.Single(v => v.Key == expected.Key));
        var expectedTechniques = await source.Site.Services.GetRequiredService<TechniqueService>().ListAsync();
        var actualTechniques = await empty.Services.GetRequiredService<TechniqueService>().ListAsync();
        Assert.Equal(expectedTechniques.Count, actualTechniques.Count);
        foreach (var expected in expectedTechniques) Same(expected, actualTechniques.Single(t => t.Key == expected.Key));

        // The import went to the pages at once, and was not written back to the site's own folder.
        Assert.Contains("Sciatica myofascial release techniques", await empty.CreateClient().GetStringAsync("/"));
        Assert.Empty(Directory.GetFiles(Path.Combine(empty.Folder, "empty-uSync"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_broken_file_is_reported_by_name_and_line_and_the_rest_import()
    {
        Assert.Equal(0, await source.Site.RunCommandAsync("export", "--folder", exported));
        var broken = Path.Combine(exported, "v17", "Content", "open-fists-for-myofascial-release.config");
        var lines = File.ReadAllLines(broken);
        lines[3] = "    <Parent Key=\"00000000-0000-0000-0000-000000000000\"</Parent>";
        File.WriteAllLines(broken, lines);

        var output = new StringWriter();
        var exitCode = await empty.RunCommandAsync(output, "import", "--folder", exported);

        Assert.Equal(1, exitCode);
        Assert.Contains("Skipped open-fists-for-myofascial-release.config line 4: ", output.ToString());
        var techniques = await empty.Services.GetRequiredService<TechniqueService>().ListAsync();
        Assert.Equal(10, techniques.Count);
        Assert.DoesNotContain(techniques, t => t.Slug == "open-fists");
        Assert.Equal(2, (await empty.Services.GetRequiredService<VideoService>().ListAsync()).Count);
    }

    [Fact]
    public async Task Importing_over_stored_content_updates_it_in_place()
    {
        var videos = source.Site.Services.GetRequiredService<VideoService>();
        var before = (await videos.ListAsync()).Single(v => v.Slug == "sciatica-myofascial-release");
        Assert.Equal(0, await source.Site.RunCommandAsync("export", "--folder", exported));
        var file = Path.Combine(exported, "v17", "Content", "sciatica-myofascial-release-techniques.config");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"value\": \"Introduction\"", "\"value\": \"Welcome\""));

        Assert.Equal(0, await source.Site.RunCommandAsync("import", "--folder", exported));

        var after = (await videos.ListAsync()).Single(v => v.Slug == "sciatica-myofascial-release");
        Assert.Equal("Welcome", after.Chapters[0].Title);
        Assert.Equal(before.Chapters.Skip(1).Select(c => c.Title), after.Chapters.Skip(1).Select(c => c.Title));
        Assert.Contains(">Welcome</span>", await source.Site.CreateClient().GetStringAsync("/videos/sciatica-myofascial-release"));
    }

    [Fact]
    public async Task Import_makes_the_files_content_live_over_unpublished_changes()
    {
        Assert.Equal(0, await source.Site.RunCommandAsync("export", "--folder", exported));
        var videos = source.Site.Services.GetRequiredService<VideoService>();
        var seed = (await videos.ListAsync()).Single(v => v.Slug == "sciatica-myofascial-release");
        var saved = await videos.UpdateAsync(seed.Slug, new(seed.Title + " (draft)", seed.Slug, seed.Source, seed.Duration, seed.Description));
        Assert.True(saved.Value!.HasUnpublishedChanges);

        Assert.Equal(0, await source.Site.RunCommandAsync("import", "--folder", exported));

        var imported = (await videos.ListAsync()).Single(v => v.Slug == "sciatica-myofascial-release");
        Assert.Equal(seed.Title, imported.Title);
        Assert.False(imported.HasUnpublishedChanges);
        Assert.Contains($"<h1>{seed.Title}</h1>", await source.Site.CreateClient().GetStringAsync($"/videos/{seed.Slug}"));
    }

    [Fact]
    public async Task The_first_save_into_an_empty_folder_writes_the_schema_with_the_node()
    {
        var created = await empty.Services.GetRequiredService<TechniqueService>().CreateAsync(new("Forearm glide", null, "", "", [], []));
        Assert.NotNull(created.Value);

        var folder = Path.Combine(empty.Folder, "empty-uSync", "v17");
        Assert.True(File.Exists(Path.Combine(folder, "usync.config")));
        Assert.True(File.Exists(Path.Combine(folder, "ContentTypes", "technique.config")));
        Assert.True(File.Exists(Path.Combine(folder, "Content", "forearm-glide.config")));
    }

    // uSync keeps whole seconds and no update date (it sets it to the create date on import) nor the database's version.
    private static void Same(Video expected, Video actual)
    {
        Assert.Equal(expected with { CreateDate = default, UpdateDate = default, Chapters = [], Captions = [], Version = 0 }, actual with { CreateDate = default, UpdateDate = default, Chapters = [], Captions = [], Version = 0 });
        // Captions byte for byte, as normalised WebVTT.
        Assert.Equal(expected.Captions.Select(c => (c.Key, c.Language, c.Label, c.ToWebVtt())), actual.Captions.Select(c => (c.Key, c.Language, c.Label, c.ToWebVtt())));
        Assert.Equal(WholeSeconds(expected.CreateDate), actual.CreateDate);
        Assert.Equal(expected.Chapters.Count, actual.Chapters.Count);
        foreach (var (e, a) in expected.Chapters.Zip(actual.Chapters))
        {
            Assert.Equal(e with { TechniqueKeys = [] }, a with { TechniqueKeys = [] });
            Assert.Equal(e.TechniqueKeys, a.TechniqueKeys);
        }
    }

    private static void Same(Technique expected, Technique actual)
    {
        Assert.Equal(expected with { CreateDate = default, UpdateDate = default, Muscles = [], Regions = [], Version = 0 }, actual with { CreateDate = default, UpdateDate = default, Muscles = [], Regions = [], Version = 0 });
        Assert.Equal(WholeSeconds(expected.CreateDate), actual.CreateDate);
        Assert.Equal(expected.Muscles, actual.Muscles);
        Assert.Equal(expected.Regions, actual.Regions);
    }

    private static DateTime WholeSeconds(DateTime date) => date.AddTicks(-(date.Ticks % TimeSpan.TicksPerSecond));
}
