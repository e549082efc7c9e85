using System.Text.RegularExpressions;

namespace Course.Core.Content;

public enum VideoSourceKind { File, YouTube, Vimeo }

/// <summary>Where a video plays from, read from the address an editor pastes.</summary>
public sealed partial record VideoSource(VideoSourceKind Kind, string Address, string? ExternalId)
{
    public static bool TryParse(string? address, out VideoSource source)
    {
        source = null!;
        if (string.IsNullOrWhiteSpace(address)) return false;
        address = address.Trim();
        if (YouTubeAddress().Match(address) is { Success: true } youTube)
        {
            source = new(VideoSourceKind.YouTube, address, youTube.Groups["id"].Value);
            return true;
        }
        if (VimeoAddress().Match(address) is { Success: true } vimeo)
        {
            source = new(VideoSourceKind.Vimeo, address, vimeo.Groups["id"].Value);
            return true;
        }
        // A file served by the site itself (an uploaded video in the media folder).
        if (address.StartsWith('/') && !address.StartsWith("//") && MediaPath().IsMatch(address))
        {
            source = new(VideoSourceKind.File, address, null);
            return true;
        }
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && MediaPath().IsMatch(uri.AbsolutePath))
        {
            source = new(VideoSourceKind.File, address, null);
            return true;
        }
        return false;
    }

    public static VideoSource Parse(string address) =>
        TryParse(address, out var source) ? source : throw new FormatException($"'{address}' is not a YouTube, Vimeo or video file address.");

    /// <summary>MIME type of a file source, for the <c>&lt;source type&gt;</c> attribute.</summary>
    public string? MediaType => Kind != VideoSourceKind.File ? null
        : Path.GetExtension(new Uri(new Uri("http://x"), Address).AbsolutePath).ToLowerInvariant() switch
        {
            ".webm" => "video/webm",
            ".mp4" or ".m4v" => "video/mp4",
            ".ogv" => "video/ogg",
            _ => null,
        };

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)|youtu\.be/)(?<id>[A-Za-z0-9_-]{11})(?:[?&#].*)?$")]
    private static partial Regex YouTubeAddress();

    [GeneratedRegex(@"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?<id>\d{6,12})(?:[/?#].*)?$")]
    private static partial Regex VimeoAddress();

    [GeneratedRegex(@"\.(webm|mp4|m4v|ogv)$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaPath();
}
