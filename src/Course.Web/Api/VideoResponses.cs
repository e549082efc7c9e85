using Course.Core.Content;

namespace Course.Web.Api;

// The JSON shapes of the public contract (DESIGN.md): names here are what clients read.

public sealed record TechniqueRef(string Slug, string Name);

/// <summary>A caption track: its BCP 47 language tag, the label players show, and its WebVTT address.</summary>
public sealed record CaptionTrackRef(string Language, string Label, string Url);

public sealed record ChapterResponse(
    int Index, string Title, string Slug, int Start, int? End, string Url, string PageUrl, IReadOnlyList<TechniqueRef> Techniques);

public sealed record VideoResponse(
    Guid Key, string Title, string Slug, string Url, string Source, string SourceKind, int? Duration,
    string Description, string ChaptersTrack, DateTime UpdateDate, IReadOnlyList<ChapterResponse> Chapters,
    IReadOnlyList<CaptionTrackRef> Captions)
{
    public static VideoResponse From(Video video, PublishedContent content) => new(
        video.Key, video.Title, video.Slug, ContentUrls.Video(video), video.Source,
        VideoSource.TryParse(video.Source, out var source) ? source.Kind.ToString().ToLowerInvariant() : "unknown",
        video.Duration, video.Description, ContentUrls.ChaptersTrack(video), video.UpdateDate,
        video.Chapters.Select(c => new ChapterResponse(
            c.Index, c.Title, c.Slug, c.Start, c.End,
            ContentUrls.ChapterStart(video, c), ContentUrls.Chapter(video, c),
            content.TechniquesOf(c).Select(t => new TechniqueRef(t.Slug, t.Name)).ToList())).ToList(),
        video.Captions.Select(t => new CaptionTrackRef(t.Language, t.Label, ContentUrls.CaptionTrack(video, t))).ToList());
}
