using Course.Core.Notifications;
using Course.Data.Servers;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Course.Data.USync;

/// <summary>
/// Keeps the uSync folder in step with the database, as uSync's export on save does: every save,
/// publish or unpublish writes that node's file, a delete removes it, and <see cref="ExportAllAsync"/>
/// writes the whole set. A follower of the refresh pipeline that only the scheduling node runs, so one
/// node writes the files whichever node made the change.
/// </summary>
public sealed class USyncExport(IDbContextFactory<CourseDbContext> databases, USyncFolder folder, ServerRoles roles, ILogger<USyncExport> logger)
    : IContentFollower
{
    // One writer at a time: a write looks at every file to find the node's old name.
    private readonly SemaphoreSlim writing = new(1, 1);
    private static readonly AsyncLocal<bool> paused = new();

    /// <summary>
    /// Stops writing for the calling flow while it imports from the folder: writing back the nodes just
    /// read would only churn the files (uSync pauses its own handlers during an import likewise).
    /// </summary>
    public static IDisposable Pause()
    {
        paused.Value = true;
        return new Resume();
    }

    public string Name => "uSync files";

    /// <summary>
    /// Writes the file of every node the batch changed. A node that cannot be written is logged and the others are
    /// still written; the first failure is then thrown, so the refresher reports it and hands the batch back at the
    /// next poll (writing a file again is harmless). A cold boot writes nothing: <c>export</c> writes the whole set.
    /// </summary>
    public async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        if (paused.Value || !roles.IsScheduling) return;
        var nodes = changed.Changes.Where(c => c.Kind != ContentKind.Comment).DistinctBy(c => c.Key).ToList();
        if (nodes.Count == 0) return;
        var failures = new List<Exception>();
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (!folder.HasSchema) folder.WriteSchema();
            foreach (var node in nodes)
            {
                try
                {
                    await WriteAsync(node.Kind, node.Key, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "uSync: could not write {Kind} {Key} to {Folder}", node.Kind, node.Key, folder.Root);
                    failures.Add(e);
                }
            }
        }
        finally
        {
            writing.Release();
        }
        if (failures.Count > 0) throw new AggregateException($"uSync: {failures.Count} of {nodes.Count} nodes not written", failures);
    }

    /// <summary>
    /// Writes the schema and every node, drafts included, to <paramref name="to"/> (the site's folder when
    /// null), and removes files of nodes the database no longer has.
    /// </summary>
    public async Task<int> ExportAllAsync(USyncFolder? to = null, CancellationToken cancellationToken = default)
    {
        var target = to ?? folder;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var videos = await db.Videos.AsNoTracking().AsSplitQuery().Include(v => v.Chapters).ToListAsync(cancellationToken);
        var techniques = await db.Techniques.AsNoTracking().ToListAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            target.WriteSchema();
            foreach (var technique in techniques) target.Write(technique.ToTechnique());
            foreach (var video in videos) target.Write(video.ToVideo());
            target.Prune(videos.Select(v => v.Key).Concat(techniques.Select(t => t.Key)).ToHashSet());
        }
        finally
        {
            writing.Release();
        }
        return videos.Count + techniques.Count;
    }

    /// <summary>Writes the node as the database has it now, or removes its file when it is gone (deleted).</summary>
    private async Task WriteAsync(ContentKind kind, Guid key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (kind == ContentKind.Video)
        {
            var video = await db.Videos.AsNoTracking().Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Key == key, cancellationToken);
            if (video is not null) folder.Write(video.ToVideo());
            else folder.Delete(key);
        }
        else
        {
            var technique = await db.Techniques.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (technique is not null) folder.Write(technique.ToTechnique());
            else folder.Delete(key);
        }
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => paused.Value = false;
    }
}
