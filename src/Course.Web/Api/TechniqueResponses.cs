using Course.Core.Content;

namespace Course.Web.Api;

/// <summary>A chapter showing a technique: where it is (<c>url</c> starts the video there) and how pages cite it.</summary>
public sealed record ChapterLinkResponse(
    string VideoSlug, string VideoTitle, int Index, string Title, string Slug, int Start, int? End, string Url, string PageUrl, string Citation)
{
    public static ChapterLinkResponse From(ChapterLink link) => new(
        link.Video.Slug, link.Video.Title, link.Chapter.Index, link.Chapter.Title, link.Chapter.Slug, link.Chapter.Start, link.Chapter.End,
        ContentUrls.ChapterStart(link.Video, link.Chapter), ContentUrls.Chapter(link.Video, link.Chapter), link.Citation);
}

/// <summary>A published technique with back-links to every chapter that shows it.</summary>
public sealed record TechniqueResponse(
    Guid Key, string Name, string Slug, string Url, string Summary, string Body,
    IReadOnlyList<string> Muscles, IReadOnlyList<string> Regions, DateTime UpdateDate, IReadOnlyList<ChapterLinkResponse> Chapters)
{
    public static TechniqueResponse From(Technique technique, PublishedContent content) => new(
        technique.Key, technique.Name, technique.Slug, ContentUrls.Technique(technique), technique.Summary, technique.Body,
        technique.Muscles, technique.Regions, technique.UpdateDate,
        content.ChaptersShowing(technique).Select(ChapterLinkResponse.From).ToList());
}
