using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Course.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Course.Search.Indexing;

/// <summary>
/// The site's Lucene index in one folder: one <see cref="IndexWriter"/> for every change, and a near-real-time
/// <see cref="SearcherManager"/> refreshed after each, so a change is searchable when the call returns while
/// searches keep reading the previous snapshot and never wait for a write.
/// </summary>
public sealed class CourseIndex : IDisposable
{
    /// <summary>Key of the commit data that records the schema version the index was written with.</summary>
    public const string SchemaVersionKey = "course.schema";

    private readonly Directory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock writing = new();

    private CourseIndex(string folder, IndexSchema schema, Analyzer analyzer, Directory directory, IndexWriter writer)
    {
        Folder = folder;
        Schema = schema;
        Analyzer = analyzer;
        this.directory = directory;
        this.writer = writer;
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Querying.WarmingSearcherFactory(schema));
    }

    public string Folder { get; }
    public IndexSchema Schema { get; }
    public Analyzer Analyzer { get; }

    /// <summary>How the index was opened: reused as found, or rebuilt and why.</summary>
    public IndexOpening Opening { get; private set; } = null!;

    public int DocumentCount => Read(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Opens the index in <paramref name="folder"/>, rebuilding it from <paramref name="allValueSets"/> when it is
    /// missing, empty, unreadable or written under another schema version. The folder belongs to the index:
    /// a rebuild empties it first.
    /// </summary>
    public static CourseIndex Open(string folder, IndexSchema schema, Func<IEnumerable<ValueSet>> allValueSets)
    {
        var started = Stopwatch.StartNew();
        System.IO.Directory.CreateDirectory(folder);
        var problem = IndexFolderCheck.Problem(folder, schema);
        if (problem is not null) IndexFolderCheck.Empty(folder);

        var analyzer = new SearchAnalyzer();
        var directory = new NRTCachingDirectory(FSDirectory.Open(folder), maxMergeSizeMB: 5.0, maxCachedMB: 60.0);
        var config = new IndexWriterConfig(SearchAnalyzer.Version, analyzer)
        {
            OpenMode = problem is null ? OpenMode.APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        var index = new CourseIndex(folder, schema, analyzer, directory, new IndexWriter(directory, config));
        try
        {
            var count = problem is null ? index.DocumentCount : index.Rebuild(allValueSets());
            index.Opening = new IndexOpening(problem, count, started.Elapsed);
            return index;
        }
        catch
        {
            // Leave nothing half-built behind (disposing the writer would commit it) and release the write lock.
            index.Abandon();
            throw;
        }
    }

    /// <summary>Adds the documents, replacing any with the same id.</summary>
    public void IndexItems(IEnumerable<ValueSet> valueSets) => Apply([new IndexChange([], valueSets.ToList())]);

    /// <summary>Removes the documents with these ids and their children.</summary>
    public void DeleteFromIndex(IEnumerable<string> ids) => Apply([new IndexChange(ids.ToList(), [])]);

    /// <summary>
    /// Applies every removal, then every addition, then makes them visible and durable together: searches see
    /// the index before or after the changes, never half of them.
    /// </summary>
    public void Apply(IReadOnlyCollection<IndexChange> changes)
    {
        // Documents are built before the writer is touched, so a bad value set changes nothing.
        var documents = changes.SelectMany(c => c.Indexed).Select(v => (v.Id, Document: LuceneDocuments.From(v, Schema))).ToList();
        lock (writing)
        {
            foreach (var id in changes.SelectMany(c => c.Removed))
                writer.DeleteDocuments(new Term(IndexSchema.IdField, id), new Term(IndexSchema.ParentField, id));
            foreach (var (id, document) in documents)
                writer.UpdateDocument(new Term(IndexSchema.IdField, id), document);
            searchers.MaybeRefreshBlocking();
            Commit();
        }
    }

    /// <summary>Fills the freshly created index with <paramref name="valueSets"/> (no one else holds it yet).</summary>
    private int Rebuild(IEnumerable<ValueSet> valueSets)
    {
        try
        {
            // IndexWriter takes documents from several threads; building them is most of the cost.
            Parallel.ForEach(valueSets, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                valueSet => writer.AddDocument(LuceneDocuments.From(valueSet, Schema)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        Commit();
        searchers.MaybeRefreshBlocking();
        return DocumentCount;
    }

    /// <summary>Runs <paramref name="read"/> on the newest searcher; several may run at once, beside writes.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Abandon()
    {
        searchers.Dispose();
        writer.Rollback();
        directory.Dispose();
        Analyzer.Dispose();
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }

    private void Commit()
    {
        writer.SetCommitData(new Dictionary<string, string> { [SchemaVersionKey] = Schema.Version });
        writer.Commit();
    }
}

/// <summary>How <see cref="CourseIndex.Open"/> found the index: <see cref="RebuildReason"/> is null when it was reused.</summary>
public sealed record IndexOpening(string? RebuildReason, int Documents, TimeSpan Took)
{
    public bool Rebuilt => RebuildReason is not null;
}
