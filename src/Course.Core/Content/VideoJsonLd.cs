using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Core.Content;

/// <summary>
/// schema.org <c>VideoObject</c> with one <c>Clip</c> per chapter and a <c>SeekToAction</c>,
/// so search engines can show the video's key moments and link into it. A captioned video carries its
/// transcript (the first track's words) and a <c>caption</c> <c>MediaObject</c> per track.
/// </summary>
public static class VideoJsonLd
{
    public static string Write(Video video, Func<string, string> absoluteUrl, string thumbnailPath)
    {
        var videoUrl = absoluteUrl(ContentUrls.Video(video));
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "VideoObject",
            ["name"] = video.Title,
            ["description"] = video.Summary,
            ["uploadDate"] = video.CreateDate.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["url"] = videoUrl,
            ["thumbnailUrl"] = absoluteUrl(thumbnailPath),
            ["hasPart"] = new JsonArray(video.Chapters.Select(chapter => (JsonNode)Clip(video, chapter, absoluteUrl)).ToArray()),
            ["potentialAction"] = new JsonObject
            {
                ["@type"] = "SeekToAction",
                ["target"] = $"{videoUrl}?t={{seek_to_second_number}}",
                ["startOffset-input"] = "required name=seek_to_second_number",
            },
        };
        if (video.Captions.Count > 0)
        {
            json["transcript"] = string.Join(' ', video.Captions[0].Cues.Select(c => c.PlainText).Where(t => t.Length > 0));
            json["caption"] = new JsonArray(video.Captions.Select(track => (JsonNode)new JsonObject
            {
                ["@type"] = "MediaObject",
                ["name"] = track.Label,
                ["inLanguage"] = track.Language,
                ["encodingFormat"] = "text/vtt",
                ["contentUrl"] = absoluteUrl(ContentUrls.CaptionTrack(video, track)),
            }).ToArray());
        }
        if (video.Duration is int duration) json["duration"] = System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(duration));
        if (VideoSource.TryParse(video.Source, out var source))
        {
            if (source.Kind == VideoSourceKind.File) json["contentUrl"] = source.Address.StartsWith('/') ? absoluteUrl(source.Address) : source.Address;
            else json["embedUrl"] = source.Address;
        }
        // The default encoder escapes '<', so "</script>" inside a title cannot end the script element.
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Clip(Video video, Chapter chapter, Func<string, string> absoluteUrl)
    {
        var clip = new JsonObject
        {
            ["@type"] = "Clip",
            ["name"] = chapter.Title,
            ["startOffset"] = chapter.Start,
            ["url"] = absoluteUrl(ContentUrls.ChapterStart(video, chapter)),
        };
        if (chapter.End is int end) clip["endOffset"] = end;
        return clip;
    }
}
