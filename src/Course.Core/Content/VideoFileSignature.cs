namespace Course.Core.Content;

/// <summary>
/// What kind of video file an upload is, told from its first bytes rather than from its name or the
/// type the browser claims, so that a renamed file of another kind is refused.
/// </summary>
public static class VideoFileSignature
{
    /// <summary>How many leading bytes <see cref="Extension"/> needs to decide.</summary>
    public const int HeaderLength = 64;

    public static readonly IReadOnlyList<string> Extensions = [".mp4", ".webm"];

    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];
    private static readonly byte[] WebmDocType = [0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];

    /// <summary><c>.mp4</c> for an ISO base media file (an <c>ftyp</c> box first), <c>.webm</c> for an EBML file of doc type webm, else null.</summary>
    public static string? Extension(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return ".mp4";
        // Matroska (.mkv) shares the EBML header; only its doc type tells WebM apart.
        if (header.StartsWith(Ebml) && header.IndexOf(WebmDocType) > 0) return ".webm";
        return null;
    }
}
