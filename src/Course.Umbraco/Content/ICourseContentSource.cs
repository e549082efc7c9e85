using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace Course.Umbraco.Content;

/// <summary>Where the course content comes from: the Umbraco site's content service.</summary>
public interface ICourseContentSource
{
    /// <summary>Every published course node, read once at start.</summary>
    Task<IReadOnlyList<IContent>> PublishedAsync(CancellationToken cancellationToken);

    /// <summary>One node as last saved, published or not (what Umbraco's preview shows); null when there is none.</summary>
    Task<IContent?> SavedAsync(Guid key, CancellationToken cancellationToken);
}

/// <summary>Every published <c>courseVideo</c> and <c>technique</c>, read page by page through <see cref="IContentService"/>.</summary>
public sealed class UmbracoContentSource(IContentService contents, IContentTypeService contentTypes) : ICourseContentSource
{
    private const int PageSize = 500;

    public Task<IReadOnlyList<IContent>> PublishedAsync(CancellationToken cancellationToken)
    {
        var typeIds = contentTypes.GetAllContentTypeIds([CourseDocumentTypes.Video, CourseDocumentTypes.Technique]).ToArray();
        var found = new List<IContent>();
        if (typeIds.Length == 0) return Task.FromResult<IReadOnlyList<IContent>>(found);
        for (long page = 0, total = long.MaxValue; page * PageSize < total; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.AddRange(contents.GetPagedOfTypes(typeIds, page, PageSize, out total, null, null).Where(c => c.Published && !c.Trashed));
        }
        return Task.FromResult<IReadOnlyList<IContent>>(found);
    }

    public Task<IContent?> SavedAsync(Guid key, CancellationToken cancellationToken) => Task.FromResult(contents.GetById(key));
}
