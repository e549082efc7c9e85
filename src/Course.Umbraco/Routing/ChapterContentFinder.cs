using Course.Umbraco.Chapters;
using Course.Umbraco.Content;
using Microsoft.AspNetCore.Http;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Routing;
using Umbraco.Cms.Core.Services;
using static Course.Umbraco.Content.CourseDocumentTypes;

namespace Course.Umbraco.Routing;

/// <summary>
/// Finds <c>{video route}/chapters/{chapterSlug}</c>: the video's own route is looked up as Umbraco's URL finder
/// would (domain and culture included), the chapter among the chapters its description gives. The video is the
/// request's content; the chapter travels with the request (<see cref="ChapterRequest"/>). Registered first, so
/// that no other finder answers these paths with a 404.
/// </summary>
public sealed class ChapterContentFinder(
    IDocumentUrlService documentUrls, IPublishedContentCache contentCache, IHttpContextAccessor httpContextAccessor) : IContentFinder
{
    public const string ChaptersSegment = "chapters";

    public Task<bool> TryFindContent(IPublishedRequestBuilder request)
    {
        if (!TrySplit(request.AbsolutePathDecoded, out var videoPath, out var chapterSlug)) return Task.FromResult(false);
        var route = request.Domain is { } domain ? DomainUtilities.PathRelativeToDomain(domain.Uri, videoPath) : videoPath;
        if (documentUrls.GetDocumentKeyByRoute(route, request.Culture, request.Domain?.ContentId, false) is not Guid key
            || contentCache.GetById(key) is not { } video
            || video.ContentType.Alias != CourseDocumentTypes.Video)
            return Task.FromResult(false);

        var chapters = video.GetProperty(VideoProperties.Description)?.GetValue(request.Culture) as DescriptionChapters;
        if (chapters?.Chapters.FirstOrDefault(c => c.Slug == chapterSlug) is not { } chapter) return Task.FromResult(false);
        if (httpContextAccessor.HttpContext is not { } context) return Task.FromResult(false);

        ChapterRequest.Set(context, new ChapterRequest(video.Key, chapter));
        request.SetPublishedContent(video);
        return Task.FromResult(true);
    }

    /// <summary><c>/videos/sciatica/chapters/intro</c> gives <c>/videos/sciatica</c> and <c>intro</c>.</summary>
    public static bool TrySplit(string path, out string videoPath, out string chapterSlug)
    {
        videoPath = chapterSlug = "";
        var segments = path.Trim('/').Split('/');
        if (segments.Length < 3 || segments[^2] != ChaptersSegment || segments[^1].Length == 0) return false;
        videoPath = "/" + string.Join('/', segments[..^2]);
        chapterSlug = segments[^1];
        return true;
    }
}
