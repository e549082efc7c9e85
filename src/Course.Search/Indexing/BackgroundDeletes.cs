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
    private readonly System.Threading.Lock deleting = new();
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task unlinking;

    public BackgroundDeletes(Directory disk) : base(disk) => unlinking = Task.Run(UnlinkQueuedAsync);

    public override void DeleteFile(string name)
    {
        lock (deleting)
        {
            // Lucene counts on an exception for a file that is not there (NRTCachingDirectory deletes before it writes).
            if (pending.Contains(name) || !m_input.FileExists(name)) throw new FileNotFoundException($"Cannot delete {name}: it does not exist.", name);
            pending.Add(name);
        }
        queue.Writer.TryWrite(name);
    }

    public override string[] ListAll()
    {
        lock (deleting) return [.. m_input.ListAll().Where(name => !pending.Contains(name))];
    }

    [Obsolete("this method will be removed in 5.0")]
    public override bool FileExists(string name)
    {
        lock (deleting) return !pending.Contains(name) && m_input.FileExists(name);
    }

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
        // A name is written again only once its old file is gone, or the queued unlink would take the new one.
        lock (deleting)
        {
            if (pending.Remove(name)) m_input.DeleteFile(name);
        }
        return m_input.CreateOutput(name, context);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            queue.Writer.TryComplete();
            unlinking.GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }

    private void ThrowIfPending(string name)
    {
        lock (deleting)
        {
            if (pending.Contains(name)) throw new FileNotFoundException($"{name} was deleted.", name);
        }
    }

    private async Task UnlinkQueuedAsync()
    {
        await foreach (var name in queue.Reader.ReadAllAsync())
        {
            lock (deleting)
            {
                // Gone already when a new file of the same name was created meanwhile.
                if (!pending.Remove(name)) continue;
                try
                {
                    m_input.DeleteFile(name);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left for the writer to delete when it next opens the folder, as after a crash.
                }
            }
        }
    }
}
