using Course.Core.Content;
using Course.Core.Editing;
using Course.Web.Composition;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Course.Web.Media;

/// <summary>
/// The folder of uploaded videos, served at <c>/media</c> with byte ranges so players can seek.
/// Uploads are checked by size, by extension and by their first bytes before they are kept.
/// </summary>
public sealed class MediaLibrary(IOptions<CourseOptions> options, IWebHostEnvironment environment)
{
    public const string RequestPath = "/media";

    // The web root is null when the content root has no wwwroot/ (a command run from another folder).
    private readonly string webRootMedia = Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "media");

    public string Folder => string.IsNullOrWhiteSpace(options.Value.Media.Folder)
        ? webRootMedia
        : Path.GetFullPath(options.Value.Media.Folder, environment.ContentRootPath);

    public long MaxUploadBytes => options.Value.Media.MaxUploadBytes;

    /// <summary>True when the folder is not the web root's <c>media/</c>, which static files already serve.</summary>
    public bool NeedsOwnFileServer => !string.Equals(
        Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(webRootMedia), StringComparison.Ordinal);

    /// <summary>
    /// Keeps the upload as <c>{name}{extension}</c> (a number added when taken) and returns its site path,
    /// or adds the reason to <paramref name="errors"/> under <paramref name="field"/> and returns null.
    /// </summary>
    public async Task<string?> SaveAsync(IFormFile file, string name, string field, InputErrors errors, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!VideoFileSignature.Extensions.Contains(extension))
        {
            errors.Add(field, $"'{file.FileName}' is not a video this site plays: upload a {string.Join(" or ", VideoFileSignature.Extensions)} file.");
            return null;
        }
        if (file.Length == 0 || file.Length > MaxUploadBytes)
        {
            errors.Add(field, $"A video file has from 1 byte to {MaxUploadBytes / (1024 * 1024.0):0.#} MB; '{file.FileName}' has {file.Length} bytes.");
            return null;
        }
        await using var upload = file.OpenReadStream();
        var header = new byte[VideoFileSignature.HeaderLength];
        var read = await upload.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (VideoFileSignature.Extension(header.AsSpan(0, read)) != extension)
        {
            errors.Add(field, $"'{file.FileName}' is not a {extension} video: its content says otherwise.");
            return null;
        }

        Directory.CreateDirectory(Folder);
        var fileName = FreeName(Slug.From(name) is { Length: > 0 } slug ? slug : "video", extension);
        // Written aside and renamed, so a player never reads a half-copied file.
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.upload");
        try
        {
            await using (var stored = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await stored.WriteAsync(header.AsMemory(0, read), cancellationToken);
                await upload.CopyToAsync(stored, cancellationToken);
            }
            File.Move(temporary, Path.Combine(Folder, fileName));
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return $"{RequestPath}/{fileName}";
    }

    /// <summary>Removes a file <see cref="SaveAsync"/> kept (by its site path) that nothing came to use.</summary>
    public void Forget(string sitePath)
    {
        var name = sitePath.StartsWith(RequestPath + "/", StringComparison.Ordinal) ? sitePath[(RequestPath.Length + 1)..] : "";
        // Only a plain file name inside the folder: a path may never reach outside it.
        if (name.Length == 0 || name != Path.GetFileName(name)) return;
        var file = Path.Combine(Folder, name);
        if (File.Exists(file)) File.Delete(file);
    }

    private string FreeName(string stem, string extension)
    {
        var candidate = stem + extension;
        for (var n = 2; File.Exists(Path.Combine(Folder, candidate)); n++) candidate = $"{stem}-{n}{extension}";
        return candidate;
    }
}

public static class MediaFiles
{
    /// <summary>Serves a media folder configured outside the web root at <c>/media</c>; range requests are part of static files.</summary>
    public static WebApplication UseMediaFolder(this WebApplication app)
    {
        var media = app.Services.GetRequiredService<MediaLibrary>();
        if (!media.NeedsOwnFileServer) return app;
        Directory.CreateDirectory(media.Folder);
        app.UseStaticFiles(Site.SiteBasics.CachingStaticFiles(
            new StaticFileOptions { FileProvider = new PhysicalFileProvider(media.Folder), RequestPath = MediaLibrary.RequestPath }));
        return app;
    }
}
