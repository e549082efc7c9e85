namespace Course.Core.Captions;

/// <summary>One broken rule of a caption file, at the line to fix.</summary>
/// <param name="Line">1-based line number in the file as uploaded.</param>
public sealed record CaptionProblem(int Line, string Message)
{
    /// <summary>The form the editor API returns, e.g. <c>line 7: the cue ends before it starts</c>.</summary>
    public override string ToString() => $"line {Line}: {Message}";

    /// <summary>Reads back the form <see cref="ToString"/> writes (the backoffice shows each problem beside its line); null for other text.</summary>
    public static CaptionProblem? Parse(string text) =>
        text.StartsWith("line ", StringComparison.Ordinal) && text.IndexOf(": ", StringComparison.Ordinal) is > 5 and var colon
            && int.TryParse(text.AsSpan(5, colon - 5), System.Globalization.NumberStyles.None, null, out var line) && line >= 1
            ? new(line, text[(colon + 2)..])
            : null;
}

/// <summary>The two caption formats editors upload.</summary>
public enum CaptionFormat
{
    WebVtt,
    SubRip,
}

public static class CaptionFormats
{
    public const string WebVttMediaType = "text/vtt";
    public const string SubRipMediaType = "application/x-subrip";

    /// <summary>The format of a request's media type (parameters such as <c>charset</c> ignored); null for others.</summary>
    public static CaptionFormat? FromMediaType(string? mediaType) =>
        mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            WebVttMediaType => CaptionFormat.WebVtt,
            SubRipMediaType or "text/srt" => CaptionFormat.SubRip,
            _ => null,
        };

    /// <summary>For uploads and pasted text: a file that starts with <c>WEBVTT</c> is WebVTT, anything else is read as SubRip.</summary>
    public static CaptionFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom)) bytes = bytes[3..];
        return bytes.StartsWith("WEBVTT"u8) ? CaptionFormat.WebVtt : CaptionFormat.SubRip;
    }
}
