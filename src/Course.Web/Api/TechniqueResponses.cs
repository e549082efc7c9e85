using Course.Core.Content;
using Course.Search.Content;

namespace Course.Web.Api;

/// <summary>A published technique with back-links to every chapter that shows it.</summary>
public sealed record TechniqueResponse(
    Guid Key, string Name, string Slug, string Url, string Summary, string Body,
    IReadOnlyList<string> Muscles, IReadOnlyList<string> Regions, DateTime UpdateDate, IReadOnlyList<ChapterLinkResponse> Chapters)
{
    public static TechniqueResponse From(Technique technique, PublishedContent content) => new(
        technique.Key, technique.Name, technique.Slug, ContentUrls.Technique(technique), technique.Summary, technique.Body,
        technique.Muscles, technique.Regions, technique.UpdateDate,
        ChapterLinkResponse.From(content.ChaptersShowing(technique)));
}
