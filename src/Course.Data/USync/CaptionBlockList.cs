using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Core.Captions;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// A video's captions as the value of its <c>captions</c> property: a <see cref="BlockList"/> of <c>caption</c>
/// elements, each with its language tag, label and track (normalised WebVTT, so an export reads back byte for byte).
/// </summary>
internal static class CaptionBlockList
{
    public static string Write(IReadOnlyList<CaptionTrack> tracks) => BlockList.Write(CourseSchema.CaptionType, tracks.Select(track => (track.Key, (IReadOnlyList<(string, JsonNode?)>)
    [
        (CourseSchema.Caption.Label, track.Label),
        (CourseSchema.Caption.Language, track.Language),
        (CourseSchema.Caption.Track, track.ToWebVtt()),
    ])).ToList());

    /// <summary>Tracks in layout order, each checked as an upload is. Throws <see cref="FormatException"/> or <see cref="JsonException"/>.</summary>
    public static IReadOnlyList<CaptionTrack> Read(string value, int? duration) => BlockListReader.Read(value, "caption").Select(block =>
    {
        var errors = new Core.Editing.InputErrors();
        if (CaptionRules.CheckTrack(block.Text(CourseSchema.Caption.Language), block.Text(CourseSchema.Caption.Label), errors) is not var (language, label))
            throw new FormatException($"{block.Where}: {string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))}");
        var check = CaptionRules.Check(Encoding.UTF8.GetBytes(block.Text(CourseSchema.Caption.Track)), CaptionFormat.WebVtt, duration);
        if (!check.IsValid) throw new FormatException($"{block.Where} track {string.Join("; ", check.Problems)}");
        return new CaptionTrack { Key = block.Key, Language = language, Label = label, Cues = check.Cues };
    }).ToList();
}
