using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Course.Core.Captions;
using Xunit.Abstractions;

namespace Course.Umbraco.Tests.Packing;

/// <summary>
/// The package as an Umbraco developer gets it: what the .nupkg holds and declares, and a site that installed it from a
/// local feed, published and running, serving the package's assets and endpoints over real HTTP.
/// </summary>
public sealed class PackingTests(PackedSite packed, ITestOutputHelper output) : IClassFixture<PackedSite>
{
    private static readonly string ProjectFolder = Path.Combine(Repository.Root, "src", "Course.Umbraco");
    private static readonly string PluginFolder = Path.Combine(ProjectFolder, "wwwroot", "App_Plugins", "Course.Umbraco");

    [Fact]
    public void The_package_holds_its_dlls_and_backoffice_files_and_declares_every_dependency_at_its_pinned_version()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var size = new FileInfo(packed.Package).Length;
        output.WriteLine($"Course.Umbraco {packed.Version}: {size / 1024.0:F1} KiB, pack (--no-build) {packed.PackTime.TotalSeconds:F1} s, "
                         + $"site publish {packed.PublishTime.TotalSeconds:F1} s");

        var shipped = ShippedProjects();
        var dlls = package.Entries.Where(e => e.FullName.StartsWith("lib/net10.0/") && e.Name.EndsWith(".dll")).Select(e => e.Name).Order();
        Assert.Equal(shipped.Append("Course.Umbraco").Select(p => p + ".dll").Order(), dlls);

        foreach (var file in new[] { "course-umbraco.js", "umbraco-package.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(PluginFolder, file)), Bytes(package, $"staticwebassets/App_Plugins/Course.Umbraco/{file}"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "js", "player.js")),
            Bytes(package, "staticwebassets/App_Plugins/Course.Umbraco/player.js"));

        // Every NuGet package the shipped projects use must come with Course.Umbraco, pinned as the repository pins it.
        var pinned = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        var expected = shipped.Select(p => Path.Combine(Repository.Root, "src", p, p + ".csproj"))
            .Append(Path.Combine(ProjectFolder, "Course.Umbraco.csproj"))
            .SelectMany(PublicPackageReferences)
            .Distinct()
            .ToDictionary(id => id, id => pinned[id]);
        var nuspec = XDocument.Load(package.GetEntry("Course.Umbraco.nuspec")!.Open());
        var declared = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
        Assert.Equal(expected.OrderBy(d => d.Key), declared.OrderBy(d => d.Key));
        Assert.Equal("17.8.1", declared["Umbraco.Cms.Core"]);
        Assert.Contains("BitFaster.Caching", declared.Keys);
    }

    [Fact]
    public void Every_assembly_the_shipped_dlls_reference_is_installed_with_the_site_or_in_the_shared_framework()
    {
        string[] folders =
        [
            packed.Published,
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,                                   // Microsoft.NETCore.App
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!,   // Microsoft.AspNetCore.App
        ];
        var missing = new List<string>();
        foreach (var dll in ShippedProjects().Append("Course.Umbraco"))
        {
            using var reader = new PEReader(File.OpenRead(Path.Combine(packed.Published, dll + ".dll")));
            var metadata = reader.GetMetadataReader();
            foreach (var reference in metadata.AssemblyReferences.Select(metadata.GetAssemblyReference))
            {
                var name = metadata.GetString(reference.Name);
                if (!folders.Any(f => File.Exists(Path.Combine(f, name + ".dll")))) missing.Add($"{dll} → {name}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_installed_site_serves_the_backoffice_files_and_the_player_script_with_their_real_bytes()
    {
        using var client = packed.Client();
        foreach (var (path, file) in new[]
                 {
                     ("/App_Plugins/Course.Umbraco/umbraco-package.json", Path.Combine(PluginFolder, "umbraco-package.json")),
                     ("/App_Plugins/Course.Umbraco/course-umbraco.js", Path.Combine(PluginFolder, "course-umbraco.js")),
                     ("/App_Plugins/Course.Umbraco/player.js", Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "js", "player.js")),
                 })
            Assert.Equal(File.ReadAllBytes(file), await client.GetByteArrayAsync(path));
    }

    [Fact]
    public async Task The_installed_site_searches_renders_the_video_and_takes_and_moderates_comments_through_the_packages_endpoints()
    {
        using var client = packed.Client();

        // Started as Umbraco starts it: the index was built from the site's content.
        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=open%20fists&type=chapter");
        Assert.Equal("/videos/sciatica-myofascial-release?t=880", search.GetProperty("hits")[0].GetProperty("url").GetString());
        var badPage = await client.GetAsync("/api/search?q=fists&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("page", (await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var track = await client.GetStringAsync("/videos/sciatica-myofascial-release/chapters.vtt");
        Assert.StartsWith("WEBVTT", track);
        Assert.Contains("00:14:40.000 --> ", track);

        // The template line: the player, the chapter list, the chapters track and the JSON-LD.
        var page = await client.GetStringAsync("/site/videos/sciatica-myofascial-release");
        Assert.Contains("data-player", page);
        // The site's own player markup (one file, linked into the package): it keeps the viewer's place on a plain video
        // address, and not when a second was asked for.
        Assert.Contains("data-video=\"sciatica-myofascial-release\"", page);
        Assert.Contains("data-resume=\"true\"", page);
        Assert.Contains("data-resume=\"\"", await client.GetStringAsync("/site/videos/sciatica-myofascial-release?t=880"));
        Assert.Contains("/videos/sciatica-myofascial-release/chapters.vtt", page);
        Assert.Contains("\"SeekToAction\"", page);
        Assert.Contains("/App_Plugins/Course.Umbraco/player.js", page);
        Assert.Equal(18, page.Split("class=\"chapter-link\"").Length - 1);

        var posted = await client.PostAsJsonAsync("/api/videos/sciatica-myofascial-release/comments", new { author = "Ann", body = "At 14:40 the <b>fists</b>", at = 880 });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);   // waits for moderation
        var pending = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("<b>", pending.GetProperty("html").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/videos/sciatica-myofascial-release/comments")).GetProperty("total").GetInt32());

        // The moderation dashboard's endpoints: editors only; approving shows the comment to visitors.
        var id = pending.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/umbraco/course/api/comments/{id}/approve", null)).StatusCode);
        (await client.PostAsync("/site/sign-in", null)).EnsureSuccessStatusCode();
        var queue = await client.GetFromJsonAsync<JsonElement>("/umbraco/course/api/comments?state=pending");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/umbraco/course/api/comments?pageSize=0")).StatusCode);
        (await client.PostAsync($"/umbraco/course/api/comments/{id}/approve", null)).EnsureSuccessStatusCode();
        var shown = await client.GetFromJsonAsync<JsonElement>("/api/videos/sciatica-myofascial-release/comments");
        Assert.Equal(id, Assert.Single(shown.GetProperty("comments").EnumerateArray()).GetProperty("id").GetString());

        var empty = await client.PostAsJsonAsync("/api/videos/sciatica-myofascial-release/comments", new { author = "Ann", body = "", at = 880 });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var limited = await client.PostAsJsonAsync("/api/videos/sciatica-myofascial-release/comments", new { author = "Ann", body = "Again", at = 880 });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);   // Course:Comments:PermitsPerMinute is 2 here
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_installed_site_serves_a_videos_captions_as_WebVTT_renders_their_tracks_and_finds_what_is_said()
    {
        using var client = packed.Client();
        const string video = "/videos/sciatica-approach-read-aloud";   // the read-aloud video of the uSync content, with its captions

        var response = await client.GetAsync($"{video}/captions/en.vtt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var check = CaptionRules.Check(bytes, CaptionFormat.WebVtt, 114);   // valid by the Course site's own rules
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        Assert.Equal(26, check.Cues.Count);
        Assert.Contains("00:01:27.028 --> 00:01:29.383\nand to slowly desensitize the region.", Encoding.UTF8.GetString(bytes));
        var unknown = await client.GetAsync($"{video}/captions/fr.vtt");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/videos/no-such-video/captions/en.vtt")).StatusCode);

        // The template line: a captions track beside the chapters track, which player.js's CC button and C key turn on.
        var page = await client.GetStringAsync($"/site{video}");
        Assert.Contains($"<track kind=\"captions\" label=\"English\" srclang=\"en\" src=\"{video}/captions/en.vtt\">", page);
        Assert.Contains($"{video}/chapters.vtt", page);

        // Started as Umbraco starts it: the transcript passages were indexed with the rest, a hit lands at the cue's second.
        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=desensitize&type=transcript");
        var hit = Assert.Single(search.GetProperty("hits").EnumerateArray());
        Assert.Equal(("transcript", $"{video}?t=87", 87),
            (hit.GetProperty("type").GetString(), hit.GetProperty("url").GetString(), hit.GetProperty("start").GetInt32()));
    }

    [Fact]
    public async Task The_chapters_preview_answers_editors_only()
    {
        using var client = packed.Client();
        var description = "0:00 Introduction\n1:20 Landmarks\n1:10 Too early";

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/umbraco/course/api/chapters/preview", new { description })).StatusCode);

        (await client.PostAsync("/site/sign-in", null)).EnsureSuccessStatusCode();
        var preview = await client.PostAsJsonAsync("/umbraco/course/api/chapters/preview", new { description, duration = 600 });
        preview.EnsureSuccessStatusCode();
        var answer = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Contains(answer.GetProperty("problems").EnumerateArray(), p => p.GetProperty("line").GetInt32() == 3);
    }

    /// <summary>The projects whose DLLs ship inside the package: Course.Umbraco's private project references.</summary>
    private static IReadOnlyList<string> ShippedProjects() =>
        XDocument.Load(Path.Combine(ProjectFolder, "Course.Umbraco.csproj")).Descendants("ProjectReference")
            .Where(r => (string?)r.Attribute("PrivateAssets") == "all")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .ToList();

    /// <summary>A project's package references that flow to whoever installs it (not build-time only ones).</summary>
    private static IEnumerable<string> PublicPackageReferences(string project) =>
        XDocument.Load(project).Descendants("PackageReference")
            .Where(r => (string?)r.Attribute("PrivateAssets") != "all")
            .Select(r => (string)r.Attribute("Include")!);

    private static byte[] Bytes(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)?.Open() ?? throw new FileNotFoundException(entry);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
