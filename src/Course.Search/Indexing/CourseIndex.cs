using System.Diagnostics;
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

    /// <summary>
    /// Key of the commit data that records the content stamp (<see cref="ContentStampReader"/>) of the content the
    /// index holds, so a start after a crash between a database save and its index update finds it behind.
    /// </summary>
    public const string ContentStampKey = "course.content";

    private readonly Directory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock writing = new();
    private readonly Stopwatch opened;
    private bool built;

    private CourseIndex(string folder, IndexSchema schema, string? rebuildReason, Stopwatch opened)
    {
        Folder = folder;
        Schema = schema;
        this.opened = opened;
        built = rebuildReason is null;
        Analyzer = new SearchAnalyzer(schema.KeywordFields);
        directory = new NRTCachingDirectory(FSDirectory.Open(folder), maxMergeSizeMB: 5.0, maxCachedMB: 60.0);
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, Analyzer)
        {
            OpenMode = built ? OpenMode.APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        });
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Querying.WarmingSearcherFactory(schema));
        ContentStamp = built && writer.CommitData.TryGetValue(ContentStampKey, out var stamp) ? stamp : null;
        Opening = new IndexOpening(rebuildReason, built ? DocumentCount : 0, opened.Elapsed);
    }

    public string Folder { get; }
    public IndexSchema Schema { get; }
    public Analyzer Analyzer { get; }

    /// <summary>How the index was opened: reused as found, or (to be) rebuilt and why.</summary>
    public IndexOpening Opening { get; private set; }

    public int DocumentCount => Read(searcher => searcher.IndexReader.NumDocs);

    /// <summary>The content stamp last committed with the index; null when none was given.</summary>
    public string? ContentStamp { get; private set; }

    /// <summary>
    /// Opens the index in <paramref name="folder"/>. One that is missing, empty, unreadable or written under
    /// another schema version is replaced by an empty one, to be filled by <see cref="EnsureBuiltAsync"/>; the
    /// folder belongs to the index, so it is emptied first.
    /// </summary>
    public static CourseIndex Open(string folder, IndexSchema schema)
    {
        var opened = Stopwatch.StartNew();
        UnusableIndexFolderException.ThrowIfFile(folder);
        try
        {
            System.IO.Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new UnusableIndexFolderException(folder, $"it cannot be created or read ({e.Message})", e);
        }
        var problem = IndexFolderCheck.Problem(folder, schema);
        if (problem is not null) IndexFolderCheck.Empty(folder);
        return new CourseIndex(folder, schema, problem, opened);
    }

    /// <summary>
    /// Fills an index that <see cref="Open"/> had to replace with <paramref name="allValueSets"/>, and commits it
    /// with the schema version; a reused one is left as it is unless <paramref name="contentStamp"/> says the
    /// content has moved on since its last commit, when it is rebuilt too. Call it once, before the index is searched.
    /// </summary>
    public async Task<IndexOpening> EnsureBuiltAsync(
        Func<IAsyncEnumerable<ValueSet>> allValueSets, string? contentStamp = null, CancellationToken cancellationToken = default)
    {
        if (built && (contentStamp is null || contentStamp == ContentStamp)) return Opening;
        if (built)
        {
            Opening = Opening with { RebuildReason = $"behind the database (content stamp {ContentStamp ?? "none"}, database {contentStamp})" };
            writer.DeleteAll();
        }
        try
        {
            // IndexWriter takes documents from several threads; building them is most of the cost.
            await Parallel.ForEachAsync(allValueSets(), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                (valueSet, _) =>
                {
                    writer.AddDocument(LuceneDocuments.From(valueSet, Schema));
                    return ValueTask.CompletedTask;
                });
        }
        catch
        {
            // Nothing half-built may be committed later with the schema marker: the next start must rebuild.
            writer.DeleteAll();
            throw;
        }
        Commit(contentStamp);
        searchers.MaybeRefreshBlocking();
        built = true;
        return Opening = Opening with { Documents = DocumentCount, Took = opened.Elapsed };
    }

    /// <summary>Adds the documents, replacing any with the same id.</summary>
    public void IndexItems(IEnumerable<ValueSet> valueSets) => Apply([new IndexChange([], valueSets.ToList())]);

    /// <summary>Removes the documents with these ids and their children.</summary>
    public void DeleteFromIndex(IEnumerable<string> ids) => Apply([new IndexChange(ids.ToList(), [])]);

    /// <summary>
    /// Applies every removal, then every addition, then makes them visible and durable together (with the
    /// content stamp they bring the index up to, when given): searches see the index before or after the
    /// changes, never half of them.
    /// </summary>
    public void Apply(IReadOnlyCollection<IndexChange> changes, string? contentStamp = null)
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
            Commit(contentStamp ?? ContentStamp);
        }
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

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }

    private void Commit(string? contentStamp)
    {
        var data = new Dictionary<string, string> { [SchemaVersionKey] = Schema.Version };
        if (contentStamp is not null) data[ContentStampKey] = contentStamp;
        writer.SetCommitData(data);
        writer.Commit();
        ContentStamp = contentStamp;
    }
}

/// <summary>
/// How <see cref="CourseIndex.Open"/> found the index: <see cref="RebuildReason"/> is null when it was reused.
/// <see cref="Took"/> runs to the end of the rebuild, if there was one.
/// </summary>
public sealed record IndexOpening(string? RebuildReason, int Documents, TimeSpan Took)
{
    public bool Rebuilt => RebuildReason is not null;
}
