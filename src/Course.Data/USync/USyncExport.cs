using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Course.Data.USync;

/// <summary>
/// Keeps the uSync folder in step with the database, as uSync's export on save does: every save,
/// publish or unpublish writes that node's file, a delete removes it, and <see cref="ExportAllAsync"/>
/// writes the whole set.
/// </summary>
public sealed class USyncExport(IDbContextFactory<CourseDbContext> databases, USyncFolder folder, ILogger<USyncExport> logger)
    : INotificationHandler<ContentChangedNotification>
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

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        if (paused.Value || notification.Kind == ContentKind.Comment) return;
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
