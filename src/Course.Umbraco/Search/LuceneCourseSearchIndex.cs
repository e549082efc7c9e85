using Course.Core.Notifications;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Umbraco.Content;

namespace Course.Umbraco.Search;

/// <summary>
/// The Course site's own search (Course.Search on Lucene.Net: schema, analysis, synonyms, typos, facets) over the
/// Umbraco site's published course: the same documents through <see cref="PublishedContentPopulator"/> and the same
/// change handling through <see cref="ContentIndexing"/>, with <see cref="PublishedCourse.Stamp"/> as content stamp.
/// </summary>
public sealed class LuceneCourseSearchIndex : ICourseSearchIndex, IDisposable
{
    private readonly CourseIndex index;
    private readonly CourseSearcher searcher;
    private readonly IIndexPopulator[] populators;
    private readonly ContentIndexing indexing;
    private readonly PublishedCourse course;

    public LuceneCourseSearchIndex(string folder, SynonymList synonyms, PublishedCourse course)
    {
        this.course = course;
        index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        searcher = new CourseSearcher(index, synonyms);
        populators = [new PublishedContentPopulator(() => course.Current)];
        indexing = new ContentIndexing(index, populators, _ => Task.FromResult(course.Stamp));
    }

    public IndexSchema Schema => index.Schema;

    public Task<IndexOpening> EnsureBuiltAsync(CancellationToken cancellationToken) =>
        index.EnsureBuiltAsync(() => ContentIndexing.AllValueSets(populators, cancellationToken), course.Stamp, cancellationToken);

    public Task ContentChangedAsync(ContentChangedNotification change, CancellationToken cancellationToken) =>
        indexing.HandleAsync(change, cancellationToken);

    public SearchResults Search(SearchRequest request) => searcher.Search(request);

    public IReadOnlyList<Suggestion> Suggest(string typed) => searcher.Suggest(typed);

    public void Dispose() => index.Dispose();
}
