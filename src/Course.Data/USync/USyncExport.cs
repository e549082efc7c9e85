using System.Diagnostics;
using Course.Core.Content;
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
/// A stop between a save's commit and its file leaves the folder behind the database;
/// <see cref="ReconcileAsync"/> (at start on the node that writes uSync, and <c>export --changed</c>) rewrites what differs.
/// </summary>
public sealed class USyncExport(IDbContextFactory<CourseDbContext> databases, USyncFolder folder, ServerRoles roles, ILogger<USyncExport> logger)
    : IContentFollower
{
    // One writer at a time: a write looks at every file to find the node's old name.
    private readonly SemaphoreSlim writing = new(1, 1);
    private static readonly AsyncLocal<bool> paused = new();

    /// <summary>
    /// TEST ONLY: with <c>COURSE_TEST_KILL_BEFORE_USYNC_WRITE=1</c> the process kills itself (as <c>kill -9</c>
    /// would) once a save has committed and before its file is written, so a test can watch the next start
    /// repair the file. Never set it on a real site.
    /// </summary>
    private static readonly bool killBeforeWrite = Environment.GetEnvironmentVariable("COURSE_TEST_KILL_BEFORE_USYNC_WRITE") == "1";

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
        if (killBeforeWrite) Process.GetCurrentProcess().Kill();
        var failures = new List<Exception>();
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (!folder.HasSchema) folder.WriteSchema();
            var edit = folder.Edit();
            foreach (var node in nodes)
            {
                try
                {
                    await WriteAsync(edit, node.Kind, node.Key, cancellationToken);
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
    /// Writes the schema and every node, drafts included, to <paramref name="to"/> (the site's folder when null).
    /// Files of nodes the database does not have are left: <see cref="ReconcileAsync"/> names them, and removes them only when asked.
    /// </summary>
    public async Task<int> ExportAllAsync(USyncFolder? to = null, CancellationToken cancellationToken = default)
    {
        var target = to ?? folder;
        var (videos, techniques) = await NodesAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            target.WriteSchema();
            var edit = target.Edit();
            foreach (var technique in techniques) edit.Write(technique);
            foreach (var video in videos) edit.Write(video);
        }
        finally
        {
            writing.Release();
        }
        return videos.Count + techniques.Count;
    }

    /// <summary>The content files of <paramref name="to"/> (the site's folder when null) that differ from the database; nothing is written.</summary>
    public async Task<IReadOnlyList<USyncDifference>> CompareAsync(USyncFolder? to = null, CancellationToken cancellationToken = default)
    {
        var (videos, techniques) = await NodesAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            return (to ?? folder).Compare(videos, techniques);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Rewrites from the database every missing or stale content file and returns every difference. An orphaned
    /// file (a node the database does not have) may be an editor's new file waiting for <c>import</c>: it is
    /// reported and left, unless <paramref name="removeOrphans"/> (<c>export --prune</c>). Unreadable files are
    /// always left for a person. Files already in step are not touched. On the site's own folder the outcome is
    /// kept in <see cref="LastReconciliation"/> for the readiness report.
    /// </summary>
    public async Task<IReadOnlyList<USyncDifference>> ReconcileAsync(
        USyncFolder? to = null, bool removeOrphans = false, CancellationToken cancellationToken = default)
    {
        var target = to ?? folder;
        var (videos, techniques) = await NodesAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            var differences = target.Compare(videos, techniques);
            var edit = target.Edit();
            foreach (var difference in differences)
            {
                var action = difference.Drift switch
                {
                    USyncDrift.Unreadable => ", left as it is: fix or remove it",
                    USyncDrift.Orphaned when removeOrphans => Removed(edit, difference),
                    USyncDrift.Orphaned => ", left as it is: import it, or remove it with export --changed --prune",
                    _ => Rewritten(edit, difference, videos, techniques),
                };
                logger.Log(difference.Drift == USyncDrift.Unreadable ? LogLevel.Error : LogLevel.Warning,
                    "uSync: {Difference} in {Folder}{Action}", difference, target.Root, action);
            }
            if (to is null) LastReconciliation = USyncReconciliation.Of(differences, removeOrphans);
            return differences;
        }
        finally
        {
            writing.Release();
        }

        static string Removed(USyncFolder.Editing edit, USyncDifference orphan)
        {
            edit.DeleteFile(orphan.File);
            return ", removed (--prune)";
        }

        static string Rewritten(USyncFolder.Editing edit, USyncDifference difference, IReadOnlyList<Video> videos, IReadOnlyList<Technique> techniques)
        {
            if (videos.FirstOrDefault(v => v.Key == difference.Key) is { } video) edit.Write(video);
            else if (techniques.FirstOrDefault(t => t.Key == difference.Key) is { } technique) edit.Write(technique);
            return ", rewritten from the database";
        }
    }

    /// <summary>What the last reconciliation of the site's folder left for a person; null before the first.</summary>
    public USyncReconciliation? LastReconciliation { get; private set; }

    private async Task<(IReadOnlyList<Video> Videos, IReadOnlyList<Technique> Techniques)> NodesAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var videos = await db.Videos.AsNoTracking().AsSplitQuery().Include(v => v.Chapters).ToListAsync(cancellationToken);
        var techniques = await db.Techniques.AsNoTracking().ToListAsync(cancellationToken);
        return (videos.Select(v => v.ToVideo()).ToList(), techniques.Select(t => t.ToTechnique()).ToList());
    }

    /// <summary>Writes the node as the database has it now, or removes its file when it is gone (deleted).</summary>
    private async Task WriteAsync(USyncFolder.Editing edit, ContentKind kind, Guid key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (kind == ContentKind.Video)
        {
            var video = await db.Videos.AsNoTracking().Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Key == key, cancellationToken);
            if (video is not null) edit.Write(video.ToVideo());
            else edit.Delete(key);
        }
        else
        {
            var technique = await db.Techniques.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (technique is not null) edit.Write(technique.ToTechnique());
            else edit.Delete(key);
        }
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => paused.Value = false;
    }
}
