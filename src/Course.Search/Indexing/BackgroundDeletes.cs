using System.Threading.Channels;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Course.Search.Indexing;

/// <summary>
/// Deletes the files Lucene no longer needs on a thread of its own. Lucene deletes them inside the commit and the searcher
/// reopen of a change: the previous commit point, the replaced deletion files and, after a merge, every file of the merged
/// segments, thirty and more unlinks of ~0.3 ms each on the change's path. To Lucene a file is gone as soon as it asks:
/// it is no longer listed nor found, and a new file of the same name (Lucene rewrites <c>segments.gen</c>) is only created
/// once the old one is unlinked. A crash before the unlink leaves a file no commit names, which the writer deletes when it
/// next opens the folder.
/// </summary>
internal sealed class BackgroundDeletes : FilterDirectory
{
    // Guards the sets only: no file system call is made while it is held, so a change's thread never waits for an
    // unlink (a lock held around each unlink made a change wait on it for a tenth of its time).
    private readonly object deleting = new();
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private string? unlinking;
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task unlinkingTask;

    public BackgroundDeletes(Directory disk) : base(disk) => unlinkingTask = Task.Run(UnlinkQueuedAsync);

    public override void DeleteFile(string name)
    {
        // Lucene counts on an exception for a file that is not there (NRTCachingDirectory deletes before it writes).
        // Lucene never deletes one file from two threads, so the check need not be atomic with the mark.
        if (IsPending(name) || !m_input.FileExists(name)) throw new FileNotFoundException($"Cannot delete {name}: it does not exist.", name);
        lock (deleting) pending.Add(name);
        queue.Writer.TryWrite(name);
    }

    public override string[] ListAll()
    {
        var all = m_input.ListAll();
        lock (deleting) return pending.Count == 0 ? all : [.. all.Where(name => !pending.Contains(name))];
    }

    [Obsolete("this method will be removed in 5.0")]
    public override bool FileExists(string name) => !IsPending(name) && m_input.FileExists(name);

    public override long FileLength(string name)
    {
        ThrowIfPending(name);
        return m_input.FileLength(name);
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        ThrowIfPending(name);
        return m_input.OpenInput(name, context);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        ThrowIfPending(name);
        return m_input.CreateSlicer(name, context);
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        // A name is written again only once its old file is gone, or the queued unlink would take the new one. Lucene
        // writes no name twice but segments.gen, so waiting here is rare.
        bool unlinkNow;
        lock (deleting)
        {
            while (unlinking == name) Monitor.Wait(deleting);
            unlinkNow = pending.Remove(name);
        }
        if (unlinkNow) m_input.DeleteFile(name);
        return m_input.CreateOutput(name, context);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            queue.Writer.TryComplete();
            unlinkingTask.GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }

    private bool IsPending(string name)
    {
        lock (deleting) return pending.Contains(name);
    }

    private void ThrowIfPending(string name)
    {
        if (IsPending(name)) throw new FileNotFoundException($"{name} was deleted.", name);
    }

    private async Task UnlinkQueuedAsync()
    {
        await foreach (var name in queue.Reader.ReadAllAsync())
        {
            lock (deleting)
            {
                // Gone already when a new file of the same name was created meanwhile.
                if (!pending.Contains(name)) continue;
                unlinking = name;
            }
            try
            {
                m_input.DeleteFile(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the writer to delete when it next opens the folder, as after a crash.
            }
            finally
            {
                lock (deleting)
                {
                    pending.Remove(name);
                    unlinking = null;
                    Monitor.PulseAll(deleting);
                }
            }
        }
    }
}
