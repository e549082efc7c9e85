using Course.Core.Content;
using Microsoft.AspNetCore.Http;

namespace Course.Umbraco.Routing;

/// <summary>
/// The chapter a request asked for (<c>/…/{video}/chapters/{chapterSlug}</c>), carried by the request itself (its
/// <see cref="HttpContext.Features"/>): the content finder is a singleton and must hold nothing per request.
/// </summary>
public sealed record ChapterRequest(Guid VideoKey, Chapter Chapter)
{
    public static void Set(HttpContext context, ChapterRequest chapter) => context.Features.Set(chapter);

    public static ChapterRequest? Get(HttpContext? context) => context?.Features.Get<ChapterRequest>();
}
