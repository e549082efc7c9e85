using Lucene.Net.Index;

namespace Course.Search.Indexing;

/// <summary>
/// Runs the writer's merges one after the other on one thread that lives as long as the index. Lucene's
/// <see cref="ConcurrentMergeScheduler"/> starts a new thread for every merge, from the thread that flushed (a change's
/// own), which took a twelfth of a change's time at 100,000 documents; on two cores it also runs one merge at a time.
/// A change never waits for a merge (Lucene's scheduler stalls the writer once merges fall three behind): in a burst of
/// changes faster than the merges go, small segments wait for them instead (at 100,000 documents, 27 to 45 segments
/// after 200 changes back to back, 9 a few seconds later; 7 after 200 at 20 a second).
/// </summary>
internal sealed class BackgroundMerges : MergeScheduler
{
    private readonly SemaphoreSlim requested = new(0);
    private readonly Thread thread;
    private IndexWriter? writer;
    private volatile bool disposed;

    public BackgroundMerges()
    {
        thread = new Thread(MergeRequested) { IsBackground = true, Name = "Lucene merges" };
        thread.Start();
    }

    /// <summary>Why the last merge failed, until one succeeds; the writer keeps its segments and asks again after the next flush.</summary>
    public Exception? Failure { get; private set; }

    public override void Merge(IndexWriter writer, MergeTrigger trigger, bool newMergesFound)
    {
        this.writer = writer;
        requested.Release();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing || disposed) return;
        disposed = true;
        requested.Release();
        thread.Join();
        requested.Dispose();
    }

    private void MergeRequested()
    {
        while (true)
        {
            requested.Wait();
            if (disposed) return;
            while (writer?.GetNextMerge() is { } merge)
            {
                try
                {
                    writer.Merge(merge);
                    Failure = null;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Failure = e;
                }
            }
        }
    }
}
