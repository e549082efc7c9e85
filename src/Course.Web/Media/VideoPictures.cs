using System.Text.RegularExpressions;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Web.Media;

/// <summary>
/// The pictures of a video file, kept beside it: a poster and a frame at each chapter's start, as JPEG.
/// For <c>/media/{name}.webm</c> they are <c>/media/{name}.pictures/poster.jpg</c> and <c>chapter-{start}.jpg</c>,
/// made by tools/make-placeholder-pictures.sh for the seeded video and by the editor's browser for uploads.
/// A picture that does not exist (yet, or after its chapter moved) is simply not shown.
/// </summary>
public sealed partial class VideoPictures(MediaLibrary media, IWebHostEnvironment environment, ILogger<VideoPictures> logger)
{
    /// <summary>The field the editor's form sends pictures in.</summary>
    public const string Field = "pictures";
    public const int MaxBytes = 512 * 1024;
    public const int MaxCount = 501;

    public const string PosterFile = "poster.jpg";

    /// <summary>The site's picture for a video without a poster of its own (link previews, sitemap).</summary>
    public const string DefaultThumbnail = "/img/video-thumbnail.png";

    public static string ChapterFile(int start) => $"chapter-{start}.jpg";

    public string? Poster(Video video) => Existing(video, PosterFile);

    public string? ChapterThumbnail(Video video, Chapter chapter) => Existing(video, ChapterFile(chapter.Start));

    /// <summary>The folder a video's pictures are written to (the media folder's), or null for a video that is not a media file.</summary>
    public string? FolderFor(string source) => Stem(source) is { } stem ? Path.Combine(media.Folder, stem + ".pictures") : null;

    /// <summary>Names each picture that is not a small JPEG named <c>poster.jpg</c> or <c>chapter-{start}.jpg</c>.</summary>
    public async Task CheckAsync(IReadOnlyList<IFormFile> pictures, InputErrors errors, CancellationToken cancellationToken)
    {
        if (pictures.Count > MaxCount) errors.Add(Field, $"At most {MaxCount} pictures are kept with a video; {pictures.Count} were sent.");
        foreach (var picture in pictures)
        {
            var name = picture.FileName;
            if (!PictureName().IsMatch(name))
                errors.Add(Field, $"'{name}' is not a video picture's name: poster.jpg or chapter-SECONDS.jpg.");
            else if (picture.Length is 0 or > MaxBytes)
                errors.Add(Field, $"'{name}' has {picture.Length} bytes; a picture has from 1 byte to {MaxBytes / 1024} KB.");
            else if (!await IsJpegAsync(picture, cancellationToken))
                errors.Add(Field, $"'{name}' is not a JPEG image: its content says otherwise.");
        }
    }

    /// <summary>
    /// Keeps checked pictures beside a media file, replacing the folder's earlier ones (chapters may have moved).
    /// Runs after the video is saved, so it never fails the save: pages simply show no picture they cannot find.
    /// </summary>
    public async Task SaveAsync(string source, IReadOnlyList<IFormFile> pictures)
    {
        if (pictures.Count == 0 || FolderFor(source) is not { } folder) return;
        try
        {
            await ReplaceAsync(folder, pictures);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "The pictures of {Source} could not be kept in {Folder}; the video was saved without them", source, folder);
        }
    }

    private static async Task ReplaceAsync(string folder, IReadOnlyList<IFormFile> pictures)
    {
        // Written to a new folder and swapped in, so pages never show a half-written set.
        var staging = folder + $".{Guid.NewGuid():N}.upload";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var picture in pictures)
            {
                await using var stored = new FileStream(Path.Combine(staging, Path.GetFileName(picture.FileName)), FileMode.Create, FileAccess.Write);
                await picture.CopyToAsync(stored);
            }
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<bool> IsJpegAsync(IFormFile picture, CancellationToken cancellationToken)
    {
        await using var stream = picture.OpenReadStream();
        var header = new byte[3];
        return await stream.ReadAtLeastAsync(header, 3, throwOnEndOfStream: false, cancellationToken) == 3
            && header is [0xFF, 0xD8, 0xFF];
    }

    [GeneratedRegex(@"^(poster|chapter-\d{1,6})\.jpg$")]
    private static partial Regex PictureName();

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
