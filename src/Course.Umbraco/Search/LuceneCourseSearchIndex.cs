using Course.Core.Notifications;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Umbraco.Content;

namespace Course.Umbraco.Search;

/// <summary>
/// The Course site's own search (Course.Search on Lucene.Net: schema, analysis, synonyms, typos, facets) over the
/// Umbraco site's published course: the same documents through the site's populators (<see cref="PublishedContentPopulator"/>,
/// and <see cref="TranscriptPopulator"/> for the captions' transcript passages) and the same change handling through
/// <see cref="ContentIndexing"/>; at start the index is compared with the published course item by item.
/// </summary>
public sealed class LuceneCourseSearchIndex : ICourseSearchIndex, IDisposable
{
    private readonly CourseIndex index;
    private readonly CourseSearcher searcher;
    private readonly IIndexPopulator[] populators;
    private readonly ContentIndexing indexing;

    public LuceneCourseSearchIndex(string folder, SynonymList synonyms, PublishedCourse course)
    {
        index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        searcher = new CourseSearcher(index, synonyms);
        populators = [new PublishedContentPopulator(() => course.Current), new TranscriptPopulator(() => course.Current)];
        indexing = new ContentIndexing(index, populators);
    }

    public IndexSchema Schema => index.Schema;

    public Task<IndexReconciliation> CatchUpAsync(CancellationToken cancellationToken) =>
        index.ReconcileAsync(() => ContentIndexing.AllValueSets(populators, cancellationToken), cancellationToken: cancellationToken);

    // Umbraco keeps its own instruction log between servers: this index records none (instruction 0).
    public Task ContentChangedAsync(ContentChangedNotification change, CancellationToken cancellationToken) =>
        indexing.FollowAsync(new PublishedContentChanged([change], ThroughInstruction: 0), cancellationToken);

    /// <summary>As on the Course site, a transcript hit lands at the second of the cue that says the words best.</summary>
    public SearchResults Search(SearchRequest request) => TranscriptHits.Locate(searcher.Search(request));

    public IReadOnlyList<Suggestion> Suggest(string typed) => searcher.Suggest(typed);

    public void Dispose() => index.Dispose();
}
