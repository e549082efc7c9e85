using System.Diagnostics;
using Course.Core.Content;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Course.Data.USync;

/// <summary>
/// Keeps the uSync folder in step with the database, as uSync's export on save does: every save,
/// publish or unpublish writes that node's file, a delete removes it, and <see cref="ExportAllAsync"/>
/// writes the whole set. A stop between a save's commit and its file leaves the folder behind the
/// database; <see cref="ReconcileAsync"/> (at start on the node that writes uSync, and <c>export --changed</c>)
/// rewrites what differs from the database.
/// </summary>
public sealed class USyncExport(IDbContextFactory<CourseDbContext> databases, USyncFolder folder, ILogger<USyncExport> logger)
    : INotificationHandler<ContentChangedNotification>
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

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        if (paused.Value || notification.Kind == ContentKind.Comment) return;
        if (killBeforeWrite) Process.GetCurrentProcess().Kill();
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (!folder.HasSchema) folder.WriteSchema();
            if (notification.Change == ContentChange.Deleted) folder.Delete(notification.Key);
            else await WriteAsync(notification.Kind, notification.Key, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The database holds the change either way; a failed file write must not fail the editor's save
            // nor stop the handlers after this one. `export` writes the whole set again.
            logger.LogError(e, "uSync: could not write {Kind} {Key} to {Folder}", notification.Kind, notification.Key, folder.Root);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Writes the schema and every node, drafts included, to <paramref name="to"/> (the site's folder when
    /// null), and removes files of nodes the database no longer has.
    /// </summary>
    public async Task<int> ExportAllAsync(USyncFolder? to = null, CancellationToken cancellationToken = default)
    {
        var target = to ?? folder;
        var (videos, techniques) = await NodesAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            target.WriteSchema();
            foreach (var technique in techniques) target.Write(technique);
            foreach (var video in videos) target.Write(video);
            target.Prune(videos.Select(v => v.Key).Concat(techniques.Select(t => t.Key)).ToHashSet());
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
    /// Rewrites from the database every content file that differs from it (missing and stale files written,
    /// orphaned ones removed; unreadable ones left for a person) and returns what differed. Files already in
    /// step are not touched.
    /// </summary>
    public async Task<IReadOnlyList<USyncDifference>> ReconcileAsync(USyncFolder? to = null, CancellationToken cancellationToken = default)
    {
        var target = to ?? folder;
        var (videos, techniques) = await NodesAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            var differences = target.Compare(videos, techniques);
            foreach (var difference in differences)
            {
                if (difference.Drift == USyncDrift.Orphaned) target.DeleteFile(difference.File);
                else if (videos.FirstOrDefault(v => v.Key == difference.Key) is { } video) target.Write(video);
                else if (techniques.FirstOrDefault(t => t.Key == difference.Key) is { } technique) target.Write(technique);
                logger.Log(difference.Drift == USyncDrift.Unreadable ? LogLevel.Error : LogLevel.Warning,
                    "uSync: {Difference} in {Folder}{Action}", difference, target.Root,
                    difference.Drift == USyncDrift.Unreadable ? ", left as it is: fix or remove it" : ", rewritten from the database");
            }
            return differences;
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task<(IReadOnlyList<Video> Videos, IReadOnlyList<Technique> Techniques)> NodesAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var videos = await db.Videos.AsNoTracking().AsSplitQuery().Include(v => v.Chapters).ToListAsync(cancellationToken);
        var techniques = await db.Techniques.AsNoTracking().ToListAsync(cancellationToken);
        return (videos.Select(v => v.ToVideo()).ToList(), techniques.Select(t => t.ToTechnique()).ToList());
    }

    private async Task WriteAsync(ContentKind kind, Guid key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (kind == ContentKind.Video)
        {
            var video = await db.Videos.AsNoTracking().Include(v => v.Chapters).SingleOrDefaultAsync(v => v.Key == key, cancellationToken);
            if (video is not null) folder.Write(video.ToVideo());
        }
        else
        {
            var technique = await db.Techniques.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
            if (technique is not null) folder.Write(technique.ToTechnique());
        }
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => paused.Value = false;
    }
}
