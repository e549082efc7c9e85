using System.Text;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Core.Captions;

/// <summary>
/// A video's captions as the value of its <c>captions</c> property: a block list of <c>caption</c> elements, each with
/// its language tag, label and track (WebVTT). Read by the Course site's uSync import and by the Umbraco package, which
/// finds the same value in the site's content.
/// </summary>
public static class CaptionBlocks
{
    /// <summary>The aliases of the <c>caption</c> element's properties.</summary>
    public const string Language = "language", Label = "label", Track = "track";

    /// <summary>
    /// Tracks in layout order, each checked as an upload is (<see cref="CaptionRules"/>). Throws
    /// <see cref="FormatException"/> (naming the block and every problem at its line) or <see cref="System.Text.Json.JsonException"/>.
    /// </summary>
    public static IReadOnlyList<CaptionTrack> Read(string value, int? duration) => BlockListReader.Read(value, "caption").Select(block =>
    {
        var errors = new InputErrors();
        if (CaptionRules.CheckTrack(block.Text(Language), block.Text(Label), errors) is not var (language, label))
            throw new FormatException($"{block.Where}: {string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))}");
        var check = CaptionRules.Check(Encoding.UTF8.GetBytes(block.Text(Track)), CaptionFormat.WebVtt, duration);
        if (!check.IsValid) throw new FormatException($"{block.Where} track {string.Join("; ", check.Problems)}");
        return new CaptionTrack { Key = block.Key, Language = language, Label = label, Cues = check.Cues };
    }).ToList();
}
