using Course.Core.Content;

namespace Course.Web.Media;

/// <summary>
/// The pictures of a video file, kept beside it: a poster and a frame at each chapter's start, as JPEG.
/// For <c>/media/{name}.webm</c> they are <c>/media/{name}.pictures/poster.jpg</c> and <c>chapter-{start}.jpg</c>,
/// made by tools/make-placeholder-pictures.sh for the seeded video and by the editor's browser for uploads.
/// A picture that does not exist (yet, or after its chapter moved) is simply not shown.
/// </summary>
public sealed class VideoPictures(MediaLibrary media, IWebHostEnvironment environment)
{
    public const string PosterFile = "poster.jpg";

    /// <summary>The site's picture for a video without a poster of its own (link previews, sitemap).</summary>
    public const string DefaultThumbnail = "/img/video-thumbnail.png";

    public static string ChapterFile(int start) => $"chapter-{start}.jpg";

    public string? Poster(Video video) => Existing(video, PosterFile);

    public string? ChapterThumbnail(Video video, Chapter chapter) => Existing(video, ChapterFile(chapter.Start));

    /// <summary>The folder a video's pictures are written to (the media folder's), or null for a video that is not a media file.</summary>
    public string? FolderFor(string source) => Stem(source) is { } stem ? Path.Combine(media.Folder, stem + ".pictures") : null;

    private string? Existing(Video video, string file)
    {
        if (Stem(video.Source) is not { } stem) return null;
        // Uploads live in the media folder; the seeded video ships in wwwroot/media, which may be another folder.
        foreach (var root in Roots())
        {
            if (File.Exists(Path.Combine(root, stem + ".pictures", file))) return $"{MediaLibrary.RequestPath}/{stem}.pictures/{file}";
        }
        return null;
    }

    private IEnumerable<string> Roots()
    {
        yield return media.Folder;
        if (environment.WebRootPath is { } webRoot) yield return Path.Combine(webRoot, "media");
    }

    /// <summary>"/media/name.webm" gives "name"; anything else (another folder, an external address) gives null.</summary>
    private static string? Stem(string source)
    {
        if (!source.StartsWith(MediaLibrary.RequestPath + "/", StringComparison.Ordinal)) return null;
        var name = source[(MediaLibrary.RequestPath.Length + 1)..];
        return name.Length > 0 && name == Path.GetFileName(name) ? Path.GetFileNameWithoutExtension(name) : null;
    }
}
