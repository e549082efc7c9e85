using Course.Umbraco.Comments;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace Course.Umbraco;

/// <summary>
/// What the package needs before it serves: its comment tables (migrations applied), the published course loaded
/// from Umbraco, and the search index opened (rebuilt when missing, corrupt or behind). Runs once, when Umbraco
/// starts at runtime level Run (not while it waits to be installed or upgraded): see <see cref="CourseStartupHandler"/>.
/// </summary>
public sealed class CourseStartup(
    ICourseContentSource source, PublishedCourse course, ICourseSearchIndex index, CommentDatabase comments, ILogger<CourseStartup> logger)
{
    private readonly SemaphoreSlim once = new(1, 1);
    private bool started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await once.WaitAsync(cancellationToken);
        try
        {
            if (started) return;
            await comments.MigrateAsync(cancellationToken);
            course.Load(await source.PublishedAsync(cancellationToken));
            var opening = await index.EnsureBuiltAsync(cancellationToken);
            if (opening.RebuildReason is { } reason)
                logger.LogInformation("Course search index rebuilt ({Reason}): {Count} documents", reason, opening.Documents);
            else
                logger.LogInformation("Course search index reused: {Count} documents", opening.Documents);
            started = true;
        }
        finally
        {
            once.Release();
        }
    }
}

/// <summary>Starts the package when Umbraco starts and can serve content.</summary>
public sealed class CourseStartupHandler(CourseStartup startup) : INotificationAsyncHandler<UmbracoApplicationStartingNotification>
{
    public Task HandleAsync(UmbracoApplicationStartingNotification notification, CancellationToken cancellationToken) =>
        notification.RuntimeLevel == RuntimeLevel.Run ? startup.StartAsync(cancellationToken) : Task.CompletedTask;
}
