using Course.Core.Notifications;
using Course.Search.Indexing;
using Course.Search.Querying;

namespace Course.Umbraco.Search;

/// <summary>
/// The seam between the package and its search engine. <see cref="LuceneCourseSearchIndex"/> keeps a Course.Search
/// (Lucene.Net) index of its own; an adapter over Umbraco's Examine (an <c>IIndexPopulator</c> filling a custom
/// <c>IIndex</c>, searched through <c>IExamineManager</c>) would implement this interface and be registered in its
/// place. Examine is not in the package registry reachable here, so only the Lucene implementation exists.
/// </summary>
public interface ICourseSearchIndex
{
    IndexSchema Schema { get; }

    /// <summary>Opens the index, rebuilding it from the published course when it is missing, corrupt or behind.</summary>
    Task<IndexOpening> EnsureBuiltAsync(CancellationToken cancellationToken);

    /// <summary>Applies a content change, read from the published course as it is after the change.</summary>
    Task ContentChangedAsync(ContentChangedNotification change, CancellationToken cancellationToken);

    SearchResults Search(SearchRequest request);

    IReadOnlyList<Suggestion> Suggest(string typed);
}
