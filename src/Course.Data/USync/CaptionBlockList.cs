using System.Text.Json.Nodes;
using Course.Core.Captions;

namespace Course.Data.USync;

/// <summary>
/// A video's captions as the value of its <c>captions</c> property: a <see cref="BlockList"/> of <c>caption</c>
/// elements, each with its language tag, label and track (normalised WebVTT, so an export reads back byte for byte);
/// <see cref="CaptionBlocks"/> reads it.
/// </summary>
internal static class CaptionBlockList
{
    public static string Write(IReadOnlyList<CaptionTrack> tracks) => BlockList.Write(CourseSchema.CaptionType, tracks.Select(track => (track.Key, (IReadOnlyList<(string, JsonNode?)>)
    [
        (CourseSchema.Caption.Label, track.Label),
        (CourseSchema.Caption.Language, track.Language),
        (CourseSchema.Caption.Track, track.ToWebVtt()),
    ])).ToList());
}
