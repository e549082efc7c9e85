using System.Net;
using System.Net.Http.Headers;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>The backoffice without script: every step is a form post that the server answers with a page.</summary>
public sealed class BackofficeFormTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string NewVideo = "/backoffice/videos/edit";
    private const string Description = """
        Lengthening the hip rotators with movement.

        0:00 Welcome
        7:7 Finding the piriformis
        2:30 Pin and stretch
        6:10 Recap
        """;

    private static Dictionary<string, string> VideoFields(string description) => new()
    {
        ["Form.Title"] = "Pin and stretch in prone",
        ["Form.Source"] = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ["Form.Duration"] = "480",
        ["Form.Description"] = description,
    };

    [Fact]
    public async Task An_editor_fixes_a_line_error_links_a_technique_previews_and_publishes()
    {
        var browser = await editors.SignedInAsync();

        var refused = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", VideoFields(Description));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("description: line 4: &#x27;7:7&#x27; is not a timestamp", page);
        Assert.Contains("<li class=\"problem error\" data-line=\"4\">", page);
        Assert.Contains("7:7 Finding the piriformis", page);

        var created = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", VideoFields(Description.Replace("7:7", "1:10")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        Assert.Equal("/backoffice/videos/edit/pin-and-stretch-in-prone", edit);

        var chapters = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Chapters", new()
        {
            ["Chapters[0].Index"] = "2",
            ["Chapters[0].Techniques"] = "pin-and-stretch-external-hip-rotators",
            ["Chapters[0].Notes"] = "Keep the pin steady.",
        });
        Assert.Equal(HttpStatusCode.Redirect, chapters.StatusCode);

        var preview = await browser.GetStringAsync("/backoffice/videos/preview/pin-and-stretch-in-prone");
        Assert.Contains("Preview of the draft", preview);
        Assert.Contains("href=\"/techniques/pin-and-stretch-external-hip-rotators\"", preview);
        var visitors = editors.Site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitors.GetAsync("/videos/pin-and-stretch-in-prone")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Publish", [])).StatusCode);
        var published = await visitors.GetStringAsync("/videos/pin-and-stretch-in-prone");
        Assert.Contains("Pin and stretch in prone", published);
        Assert.Contains("href=\"/techniques/pin-and-stretch-external-hip-rotators\"", published);
        var list = await browser.GetStringAsync("/backoffice");
        Assert.Contains("data-slug=\"pin-and-stretch-in-prone\"", list);

        var history = await browser.GetStringAsync(edit);
        Assert.Contains("Keep the pin steady.", history);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(history, "<tr data-version="));

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Delete", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitors.GetAsync("/videos/pin-and-stretch-in-prone")).StatusCode);
    }

    [Fact]
    public async Task A_technique_is_created_as_a_draft_published_and_restored()
    {
        var browser = await editors.SignedInAsync();
        const string form = "/backoffice/techniques/edit";
        var created = await EditorSite.PostFormAsync(browser, form, form + "?handler=Save", new()
        {
            ["Form.Name"] = "Thumb gliding", ["Form.Summary"] = "First summary.", ["Form.Muscles"] = "Piriformis, gluteus medius", ["Form.Regions"] = "hip",
        });
        Assert.Equal("/backoffice/techniques/edit/thumb-gliding", created.Headers.Location?.OriginalString);
        const string edit = "/backoffice/techniques/edit/thumb-gliding";
        await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Save", new() { ["Form.Name"] = "Thumb gliding", ["Form.Summary"] = "Second summary." });
        Assert.Contains("<span class=\"state draft\">Draft</span>", await browser.GetStringAsync("/backoffice/techniques"));

        var page = await browser.GetStringAsync(edit);
        var oldest = System.Text.RegularExpressions.Regex.Matches(page, "<tr data-version=\"(\\d+)\"").Last().Groups[1].Value;
        var restored = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Restore&version=" + oldest, []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("First summary.", await browser.GetStringAsync(edit));
        Assert.Contains("piriformis, gluteus medius", await browser.GetStringAsync(edit));
    }

    [Fact]
    public async Task A_technique_is_published_unpublished_and_deleted_from_its_page()
    {
        var browser = await editors.SignedInAsync();
        const string form = "/backoffice/techniques/edit";
        await EditorSite.PostFormAsync(browser, form, form + "?handler=Save", new() { ["Form.Name"] = "Forearm sweep", ["Form.Summary"] = "Sweep." });
        const string edit = "/backoffice/techniques/edit/forearm-sweep";
        var visitors = editors.Site.CreateClient();

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Publish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitors.GetAsync("/techniques/forearm-sweep")).StatusCode);
        var published = await browser.GetStringAsync(edit);
        Assert.Contains("?handler=Unpublish", published);
        Assert.DoesNotContain("?handler=Publish\"", published);

        var unpublished = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Unpublish", []);
        Assert.Equal(edit, unpublished.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await visitors.GetAsync("/techniques/forearm-sweep")).StatusCode);
        var draft = await browser.GetStringAsync(edit);
        Assert.Contains("Unpublished: only editors see it now.", draft);
        Assert.Contains("?handler=Publish\"", draft);

        var deleted = await EditorSite.PostFormAsync(browser, edit, edit + "?handler=Delete", []);
        Assert.Equal("/backoffice/techniques", deleted.Headers.Location?.OriginalString);
        Assert.Contains("Deleted &#x27;forearm-sweep&#x27;; chapters that showed it no longer do.", await browser.GetStringAsync("/backoffice/techniques"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_webm_is_kept_in_the_media_folder_and_served_with_ranges()
    {
        var browser = await editors.SignedInAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.webm"));
        var fields = VideoFields("0:00 One\n1:00 Two\n2:00 Three");
        fields["Form.Title"] = "Uploaded video";
        fields["Form.Source"] = "";

        var created = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", fields, ("Upload", "my clip.webm", bytes));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(editors.MediaFolder, "uploaded-video.webm")));
        Assert.Contains("/media/uploaded-video.webm", await editors.Api().GetStringAsync("/api/manage/videos/uploaded-video"));
        var range = new HttpRequestMessage(HttpMethod.Get, "/media/uploaded-video.webm");
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await editors.Site.CreateClient().SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_upload_for_a_video_that_is_not_saved_is_not_kept()
    {
        var browser = await editors.SignedInAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.webm"));
        var fields = VideoFields("0:00 One\n7:7 Two\n2:00 Three");
        fields["Form.Title"] = "Unsaved upload";
        fields["Form.Source"] = "";

        var refused = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", fields, ("Upload", "clip.webm", bytes));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(File.Exists(Path.Combine(editors.MediaFolder, "unsaved-upload.webm")));
    }

    [Theory]
    [InlineData("notes.exe", "not a video this site plays")]
    [InlineData("renamed.mp4", "is not a .mp4 video: its content says otherwise")]
    [InlineData("webm-content.mp4", "is not a .mp4 video: its content says otherwise")]
    [InlineData("too-big.webm", "has 700000 bytes")]
    public async Task Uploads_of_another_type_or_too_large_are_refused_and_nothing_is_saved(string fileName, string message)
    {
        var browser = await editors.SignedInAsync();
        var placeholder = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.webm"));
        var bytes = fileName switch
        {
            "too-big.webm" => [.. placeholder, .. new byte[700_000 - placeholder.Length]],
            "webm-content.mp4" => placeholder,
            _ => "MZ this is not a video at all, whatever its name says."u8.ToArray(),
        };
        var fields = VideoFields("0:00 One\n1:00 Two\n2:00 Three");
        fields["Form.Title"] = "Refused " + Path.GetFileNameWithoutExtension(fileName);

        var response = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", fields, ("Upload", fileName, bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(Directory.Exists(editors.MediaFolder) && Directory.EnumerateFiles(editors.MediaFolder, "refused*").Any());
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Api().GetAsync("/api/manage/videos/" + Course.Core.Content.Slug.From(fields["Form.Title"]))).StatusCode);
    }

    [Theory]
    [InlineData("cover.jpg", "is not a video picture's name")]
    [InlineData("poster.png.jpg", "is not a video picture's name")]
    [InlineData("poster.jpg", "is not a JPEG image")]
    public async Task Pictures_that_are_not_a_videos_jpegs_are_refused_and_nothing_is_saved(string fileName, string message)
    {
        var browser = await editors.SignedInAsync();
        var video = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.webm"));
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.pictures", "poster.jpg"));
        var fields = VideoFields("0:00 One\n1:00 Two\n2:00 Three");
        fields["Form.Title"] = "Pictured " + Path.GetFileNameWithoutExtension(fileName).Replace('.', ' ');
        fields["Form.Source"] = "";
        var picture = message.Contains("JPEG") ? "\u0089PNG not a jpeg"u8.ToArray() : jpeg;

        var response = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", fields,
            ("Upload", "clip.webm", video), ("Pictures", "chapter-60.jpg", jpeg), ("Pictures", fileName, picture));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(Directory.Exists(editors.MediaFolder) && Directory.EnumerateFileSystemEntries(editors.MediaFolder, "pictured*").Any());
        Assert.Equal(HttpStatusCode.NotFound, (await editors.Api().GetAsync("/api/manage/videos/" + Course.Core.Content.Slug.From(fields["Form.Title"]))).StatusCode);
    }

    [Fact]
    public async Task Pictures_sent_with_an_uploaded_video_are_kept_beside_it_and_shown()
    {
        var browser = await editors.SignedInAsync();
        var video = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.webm"));
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "src", "Course.Web", "wwwroot", "media", "sciatica-myofascial-release.pictures", "poster.jpg"));
        var fields = VideoFields("0:00 One\n1:00 Two\n2:00 Three");
        fields["Form.Title"] = "Pictured upload";
        fields["Form.Source"] = "";

        var created = await EditorSite.PostMultipartAsync(browser, NewVideo, NewVideo + "?handler=Save", fields,
            ("Upload", "clip.webm", video), ("Pictures", "poster.jpg", jpeg), ("Pictures", "chapter-60.jpg", jpeg));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(jpeg, await editors.Site.CreateClient().GetByteArrayAsync("/media/pictured-upload.pictures/chapter-60.jpg"));
        Assert.Equal(["chapter-60.jpg", "poster.jpg"], Directory.EnumerateFiles(Path.Combine(editors.MediaFolder, "pictured-upload.pictures")).Select(Path.GetFileName).Order());
    }
}
