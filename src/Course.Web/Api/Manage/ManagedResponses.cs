using Course.Core.Chapters;
using Course.Core.Content;
using Course.Data.Content;

namespace Course.Web.Api.Manage;

/// <summary>
/// A video as editors see it: drafts included, with the warnings of its table of contents, and its stored
/// <c>version</c> (also the <c>ETag</c>) to send back as <c>If-Match</c>.
/// </summary>
public sealed record ManagedVideoResponse(
    Guid Key, string Title, string Slug, string Url, string Source, int? Duration, string Description, bool Published,
    bool HasUnpublishedChanges, DateTime CreateDate, DateTime UpdateDate, IReadOnlyList<ManagedChapterResponse> Chapters, IReadOnlyList<string> Warnings,
    IReadOnlyList<CaptionTrackResponse> Captions, int Version) : IVersionedResponse
{
    public static ManagedVideoResponse From(Video video, IReadOnlyDictionary<Guid, Technique> techniques, IEnumerable<TocProblem> warnings) => new(
        video.Key, video.Title, video.Slug, ContentUrls.Video(video), video.Source, video.Duration, video.Description, video.Published,
        video.HasUnpublishedChanges, video.CreateDate, video.UpdateDate,
        video.Chapters.Select(c => new ManagedChapterResponse(
            c.Index, c.Title, c.Slug, c.Start, c.End, ContentUrls.ChapterStart(video, c), ContentUrls.Chapter(video, c),
            c.TechniqueKeys.Select(techniques.GetValueOrDefault).OfType<Technique>().Select(t => new TechniqueRef(t.Slug, t.Name)).ToList(),
            c.Notes)).ToList(),
        warnings.Select(w => w.ToString()).ToList(),
        video.Captions.Select(t => CaptionTrackResponse.From(video, t)).ToList(),
        video.Version);
}

/// <summary>A chapter as editors see it: the public fields, draft techniques included, and the editor's notes.</summary>
public sealed record ManagedChapterResponse(
    int Index, string Title, string Slug, int Start, int? End, string Url, string PageUrl, IReadOnlyList<TechniqueRef> Techniques, string Notes);

public sealed record ManagedTechniqueResponse(
    Guid Key, string Name, string Slug, string Url, string Summary, string Body,
    IReadOnlyList<string> Muscles, IReadOnlyList<string> Regions, bool Published,
    bool HasUnpublishedChanges, DateTime CreateDate, DateTime UpdateDate, int Version) : IVersionedResponse
{
    public static ManagedTechniqueResponse From(Technique t) => new(
        t.Key, t.Name, t.Slug, ContentUrls.Technique(t), t.Summary, t.Body, t.Muscles, t.Regions, t.Published, t.HasUnpublishedChanges, t.CreateDate, t.UpdateDate,
        t.Version);
}

/// <summary>An entry of a node's history; restore it with <c>POST …/versions/{id}/restore</c>.</summary>
public sealed record ContentVersionResponse(int Id, DateTime Date, string User)
{
    public static ContentVersionResponse From(ContentVersion version) => new(version.Id, version.Date, version.User);
}
