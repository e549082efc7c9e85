using System.Diagnostics;
using Course.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Course.Search.Indexing;

/// <summary>
/// The site's Lucene index in one folder: one <see cref="IndexWriter"/> for every change, and a near-real-time
/// <see cref="SearcherManager"/> refreshed after each, so a change is searchable when the call returns while
/// searches keep reading the previous snapshot and never wait for a write.
/// <para>
/// The Lucene commit that makes changes durable in the folder follows once changes pause (<see cref="CommitDelay"/>),
/// as Examine's index commits two seconds after its last change. The index is derived: a change is committed in the
/// database (with its instruction) before the index is given it, and every start compares the index with the database
/// document by document (<see cref="ReconcileAsync"/>), so changes a crash kept from the folder are indexed again there.
/// A commit per change cost five to eight fsyncs, and on this kind of disk any fsync can stall for 100 ms and more
/// while a merge writes.
/// </para>
/// </summary>
public sealed class CourseIndex : IDisposable
{
    /// <summary>Key of the commit data that records the schema version the index was written with.</summary>
    public const string SchemaVersionKey = "course.schema";

    /// <summary>
    /// Key of the commit data that records the last instruction (of the database's instruction log) whose changes the
    /// index holds, so a node knows where it stands after a restart.
    /// </summary>
    public const string InstructionKey = "course.instruction";

    /// <summary>A full build of at most this many documents is merged into one segment.</summary>
    private const int MergedBuildMaxDocuments = 20_000;

    /// <summary>How long the index waits after a change for the next before it commits them, unless opened with another delay.</summary>
    public static readonly TimeSpan DefaultCommitDelay = TimeSpan.FromSeconds(1);

    /// <summary>Changes that never pause are still committed this often, so what a crash leaves to the start's check stays small.</summary>
    private static readonly TimeSpan MaxCommitDelay = TimeSpan.FromSeconds(30);

    private readonly SearchAnalyzer contentAnalyzer;
    private readonly ChangeCache directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock writing = new();
    private readonly System.Threading.Lock committingGate = new();
    private readonly BackgroundMerges merges = new();
    private readonly Timer committing;
    private long? uncommittedSince;
    private bool disposed;
    private Exception? commitFailure;
    private bool built;
    private long commits;

    private CourseIndex(string folder, IndexSchema schema, string? rebuildReason, Stopwatch opened, TimeSpan commitDelay)
    {
        CommitDelay = commitDelay;
        Folder = folder;
        Schema = schema;
        built = rebuildReason is null;
        contentAnalyzer = new SearchAnalyzer(schema.KeywordFields, keepsWords: true);
        Analyzer = new SearchAnalyzer(schema.KeywordFields);
        directory = new ChangeCache(new BackgroundDeletes(new MappedDirectory(folder)));
        var warmer = new Querying.SegmentWarmer(schema);
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, contentAnalyzer)
        {
            OpenMode = built ? OpenMode.APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            MergedSegmentWarmer = warmer,
            // A merged segment stays as plain files, which the merge thread writes and fsyncs (see MappedDirectory.CreateOutput).
            // Packed into a compound file it would be written without the merge's context, kept in memory by the change cache
            // and written out and fsynced by the next commit.
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            MergeScheduler = merges,
        });
        LastInstruction = built && writer.CommitData.TryGetValue(InstructionKey, out var id) && long.TryParse(id, out var parsed) ? parsed : null;
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Querying.WarmingSearcherFactory(warmer));
        committing = new Timer(_ => CommitChanges(), null, Timeout.Infinite, Timeout.Infinite);
        Opening = new IndexOpening(rebuildReason, built ? DocumentCount : 0, opened.Elapsed);
    }

    public string Folder { get; }
    public IndexSchema Schema { get; }
    /// <summary>The analysis of queries and snippets: the content's, without its kept words (see <see cref="SearchAnalyzer"/>).</summary>
    public Analyzer Analyzer { get; }

    /// <summary>How the index was opened: reused as found, or (to be) rebuilt and why.</summary>
    public IndexOpening Opening { get; private set; }

    public int DocumentCount => Read(searcher => searcher.IndexReader.NumDocs);

    /// <summary>The instruction the index holds the changes of (committed or soon to be); null when none was given.</summary>
    public long? LastInstruction { get; private set; }

    /// <summary>
    /// Why the last commit after changes or the last merge failed, until a commit succeeds. The changes stay searchable
    /// meanwhile and the commit is tried again; a failed merge leaves the segments as they were.
    /// </summary>
    public Exception? BackgroundFailure => commitFailure ?? merges.Failure;

    /// <summary>How long the index waits after a change for the next before it commits them.</summary>
    public TimeSpan CommitDelay { get; }

    /// <summary>How many Lucene commits the index made since it was opened: the build's or check's, and one per pause in changes.</summary>
    public long Commits => Interlocked.Read(ref commits);

    /// <summary>
    /// Opens the index in <paramref name="folder"/>. One that is missing, empty, unreadable or written under
    /// another schema version is replaced by an empty one, to be filled by <see cref="EnsureBuiltAsync"/>; the
    /// folder belongs to the index, so it is emptied first.
    /// </summary>
    public static CourseIndex Open(string folder, IndexSchema schema, TimeSpan? commitDelay = null)
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
        return new CourseIndex(folder, schema, problem, opened, commitDelay ?? DefaultCommitDelay);
    }

    /// <summary>
    /// Fills an index that <see cref="Open"/> had to replace with <paramref name="allValueSets"/>, and commits it with the
    /// schema version (and <paramref name="lastInstruction"/>); a reused one is left as it is. Call it once, before the
    /// index is searched.
    /// </summary>
    public async Task<IndexOpening> EnsureBuiltAsync(
        Func<IAsyncEnumerable<ValueSet>> allValueSets, long? lastInstruction = null, CancellationToken cancellationToken = default)
    {
        if (built) return Opening;
        var building = Stopwatch.StartNew();
        // A build writes its segments once, straight to disk: packing them into compound files would copy the whole
        // index again. A change's tiny segment is packed (and cached until its commit), so it costs three fsyncs, not a dozen.
        writer.Config.UseCompoundFile = false;
        directory.Bypassed = true;
        try
        {
            await AddAllAsync(allValueSets, cancellationToken);
            // The indexing threads leave a segment each, and every search pays its per-segment setup (term lookups, scorers)
            // once per segment: a course-sized index merges into one in milliseconds; a large one would add seconds to the rebuild.
            if (writer.MaxDoc <= MergedBuildMaxDocuments) writer.ForceMerge(1);
            CommitWhileRefreshing(lastInstruction);
            LastInstruction = lastInstruction;
        }
        finally
        {
            writer.Config.UseCompoundFile = true;
            directory.Bypassed = false;
        }
        built = true;
        return Opening = Opening with { Documents = DocumentCount, Took = Opening.Took + building.Elapsed };
    }

    private async Task AddAllAsync(Func<IAsyncEnumerable<ValueSet>> allValueSets, CancellationToken cancellationToken)
    {
        var threads = Environment.ProcessorCount;
        var lastDocuments = new Document?[threads];
        var built = 0;
        try
        {
            // IndexWriter takes documents from several threads; building them is most of the cost. The first few built
            // are added last (see WriteOutSideBySide); the order of documents in the index does not matter.
            await Parallel.ForEachAsync(allValueSets(), new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                (valueSet, _) =>
                {
                    var document = LuceneDocuments.From(valueSet, Schema);
                    var place = Interlocked.Increment(ref built) - 1;
                    if (place < lastDocuments.Length) lastDocuments[place] = document;
                    else writer.AddDocument(document);
                    return ValueTask.CompletedTask;
                });
            await WriteOutSideBySide(lastDocuments.OfType<Document>());
        }
        catch
        {
            // Nothing half-built may be committed later with the schema marker: the next start must rebuild.
            writer.DeleteAll();
            throw;
        }
    }

    /// <summary>
    /// Each indexing thread fills a segment of its own in memory, and the commit would write them out one after the
    /// other on one thread (about a fifth of a build). So the last documents are added with a segment due to be written
    /// at every document: each adding thread writes a filled segment out itself, side by side with the other.
    /// </summary>
    private async Task WriteOutSideBySide(IEnumerable<Document> lastDocuments)
    {
        writer.Config.MaxBufferedDocs = 2; // the least Lucene takes
        try
        {
            await Task.WhenAll(lastDocuments.Select(document => Task.Run(() => writer.AddDocument(document))));
        }
        finally
        {
            writer.Config.MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH;
        }
    }

    /// <summary>
    /// Brings the index in line with <paramref name="allValueSets"/>, document by document: one it lacks or holds with
    /// another fingerprint is indexed, one it holds that is not wanted is removed, the rest stay. So an update the index
    /// missed is found even when the totals match. An index that <see cref="Open"/> replaced is simply built.
    /// </summary>
    public async Task<IndexReconciliation> ReconcileAsync(
        Func<IAsyncEnumerable<ValueSet>> allValueSets, long? lastInstruction = null, CancellationToken cancellationToken = default)
    {
        if (!built)
        {
            var opening = await EnsureBuiltAsync(allValueSets, lastInstruction, cancellationToken);
            return new IndexReconciliation(Rebuilt: true, opening.Documents, Indexed: opening.Documents, Removed: 0);
        }
        var wanted = new Dictionary<string, ValueSet>(StringComparer.Ordinal);
        await foreach (var valueSet in allValueSets().WithCancellation(cancellationToken)) wanted[valueSet.Id] = valueSet;
        var held = Read(searcher => HeldFingerprints(searcher.IndexReader));
        var stale = wanted.Values.Where(v => !held.TryGetValue(v.Id, out var fingerprint) || fingerprint != LuceneDocuments.Fingerprint(v, Schema))
            .Select(v => (v.Id, Document: LuceneDocuments.From(v, Schema))).ToList();
        var extra = held.Keys.Where(id => !wanted.ContainsKey(id)).ToList();
        lock (writing)
        {
            // By id only: a removed document's children are judged on their own.
            foreach (var id in extra) writer.DeleteDocuments(new Term(IndexSchema.IdField, id));
            foreach (var (id, document) in stale) writer.UpdateDocument(new Term(IndexSchema.IdField, id), document);
            searchers.MaybeRefreshBlocking();
            if (stale.Count > 0 || extra.Count > 0 || lastInstruction != LastInstruction || uncommittedSince is not null)
            {
                LastInstruction = lastInstruction ?? LastInstruction;
                Commit(LastInstruction);
                uncommittedSince = null;
            }
        }
        return new IndexReconciliation(Rebuilt: false, wanted.Count, stale.Count, extra.Count);
    }

    /// <summary>Adds the documents, replacing any with the same id.</summary>
    public void IndexItems(IEnumerable<ValueSet> valueSets) => Apply([new IndexChange([], valueSets.ToList())]);

    /// <summary>Removes the documents with these ids and their children.</summary>
    public void DeleteFromIndex(IEnumerable<string> ids) => Apply([new IndexChange(ids.ToList(), [])]);

    /// <summary>
    /// Applies every removal, then every addition, and makes them searchable together before it returns: searches see
    /// the index before or after the changes, never half of them. They are committed with the instruction they bring the
    /// index up to (when given) once changes pause.
    /// </summary>
    public void Apply(IReadOnlyCollection<IndexChange> changes, long? lastInstruction = null)
    {
        // Documents are built before the writer is touched, so a bad value set changes nothing.
        var documents = changes.SelectMany(c => c.Indexed).Select(v => (v.Id, Document: LuceneDocuments.From(v, Schema))).ToList();
        lock (writing)
        {
            foreach (var id in changes.SelectMany(c => c.Removed))
                writer.DeleteDocuments(new Term(IndexSchema.IdField, id), new Term(IndexSchema.ParentField, id));
            foreach (var (id, document) in documents)
                writer.UpdateDocument(new Term(IndexSchema.IdField, id), document);
            LastInstruction = lastInstruction ?? LastInstruction;
            searchers.MaybeRefreshBlocking();
            ScheduleCommit();
        }
    }

    /// <summary>Commits in <see cref="CommitDelay"/>, unless another change comes first; at most <see cref="MaxCommitDelay"/> after the first.</summary>
    private void ScheduleCommit()
    {
        var now = Stopwatch.GetTimestamp();
        uncommittedSince ??= now;
        var left = MaxCommitDelay - Stopwatch.GetElapsedTime(uncommittedSince.Value, now);
        committing.Change(TimeSpan.FromTicks(Math.Clamp(left.Ticks, 0, CommitDelay.Ticks)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The commit once changes pause, on a timer thread and outside the writing lock, so a change that comes meanwhile
    /// need not wait for its fsyncs. It holds at least the changes applied before it started (a later one it also holds
    /// is committed again after). A failure is kept for readiness and tried again.
    /// </summary>
    private void CommitChanges()
    {
        lock (committingGate)
        {
            long? instruction;
            lock (writing)
            {
                if (uncommittedSince is null || disposed) return;
                instruction = LastInstruction;
                uncommittedSince = null;
            }
            try
            {
                Commit(instruction);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Thrown on a timer thread, it would end the process.
                commitFailure = e;
                lock (writing)
                {
                    uncommittedSince ??= Stopwatch.GetTimestamp();
                    if (!disposed) committing.Change(CommitDelay, Timeout.InfiniteTimeSpan);
                }
            }
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
        lock (committingGate)
        lock (writing)
        {
            if (disposed) return;
            disposed = true;
            committing.Dispose();
            if (uncommittedSince is not null) Commit(LastInstruction);
        }
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
        contentAnalyzer.Dispose();
    }

    /// <summary>
    /// Commits and opens a searcher on the same changes side by side: the commit mostly waits on fsync while the new
    /// searcher is warmed, so a build is searchable and durable in about the longer of the two, not their sum. Whichever
    /// flushes the buffered documents first, the other finds nothing left to flush; either way the searcher shows all
    /// of the changes, and the commit holds all of them.
    /// </summary>
    private void CommitWhileRefreshing(long? lastInstruction)
    {
        var refreshing = Task.Run(searchers.MaybeRefreshBlocking);
        try
        {
            Commit(lastInstruction);
        }
        finally
        {
            refreshing.GetAwaiter().GetResult();
        }
    }

    private void Commit(long? lastInstruction)
    {
        var data = new Dictionary<string, string> { [SchemaVersionKey] = Schema.Version };
        if (lastInstruction is { } id) data[InstructionKey] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.SetCommitData(data);
        writer.Commit();
        commitFailure = null;
        Interlocked.Increment(ref commits);
    }

    /// <summary>Every live document's id and fingerprint.</summary>
    private static Dictionary<string, UInt128?> HeldFingerprints(IndexReader reader)
    {
        var fields = new HashSet<string> { IndexSchema.IdField, IndexSchema.FingerprintField };
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var held = new Dictionary<string, UInt128?>(reader.NumDocs, StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc)) continue;
            var stored = reader.Document(doc, fields);
            held[stored.Get(IndexSchema.IdField)] = LuceneDocuments.StoredFingerprint(stored);
        }
        return held;
    }
}

/// <summary>
/// How <see cref="CourseIndex.Open"/> found the index: <see cref="RebuildReason"/> is null when it was reused.
/// <see cref="Took"/> is the opening and, if there was one, the rebuild: not the time between (a site builds its index
/// only once its published cache has loaded, seconds later at 100,000 documents).
/// </summary>
public sealed record IndexOpening(string? RebuildReason, int Documents, TimeSpan Took)
{
    public bool Rebuilt => RebuildReason is not null;
}

/// <summary>What <see cref="CourseIndex.ReconcileAsync"/> did: documents wanted, (re)indexed because missing or stale, and removed.</summary>
public sealed record IndexReconciliation(bool Rebuilt, int Documents, int Indexed, int Removed);
