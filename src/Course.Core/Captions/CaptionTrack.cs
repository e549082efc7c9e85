using System.Net;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Course.Core.Captions;

/// <summary>
/// A video's captions in one language (element type <c>caption</c> in the video's <c>captions</c> block list):
/// the cues as timed text, kept normalised so that every copy (versions, uSync, the served track) agrees.
/// </summary>
public sealed record CaptionTrack
{
    /// <summary>Stable key of the caption element (a block in Umbraco's block list).</summary>
    public required Guid Key { get; init; }
    /// <summary>The BCP 47 language tag, in its canonical casing (<c>en</c>, <c>pt-BR</c>).</summary>
    public required string Language { get; init; }
    /// <summary>What the player's menu shows (<c>English</c>).</summary>
    public required string Label { get; init; }
    public required IReadOnlyList<CaptionCue> Cues { get; init; }

    /// <summary>The track as normalised WebVTT: what is served, stored and exported.</summary>
    public string ToWebVtt() => WebVttWriter.Write(Cues);
}

/// <summary>One caption: a span of the video and what is said during it.</summary>
/// <param name="Text">WebVTT cue text: lines joined by <c>\n</c>, markup such as <c>&lt;i&gt;</c> kept.</param>
public sealed partial record CaptionCue(TimeSpan Start, TimeSpan End, string Text)
{
    /// <summary>The words without markup or line breaks, for transcripts and search.</summary>
    [JsonIgnore]
    public string PlainText => WebUtility.HtmlDecode(Markup().Replace(Text, "")).ReplaceLineEndings(" ").Trim();

    /// <summary>The whole second the cue starts in, for <c>?t=</c> links.</summary>
    [JsonIgnore]
    public int StartSecond => (int)Start.TotalSeconds;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();
}

/// <summary>A caption file as an editor sends it, unchecked: the language tag, an optional label, the format and the bytes.</summary>
public sealed record CaptionUpload(string? Language, string? Label, CaptionFormat Format, ReadOnlyMemory<byte> File);
