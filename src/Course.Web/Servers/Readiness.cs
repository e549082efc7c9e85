using Course.Data.Content;
using Course.Data.Servers;
using Course.Data.USync;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Web.Composition;

namespace Course.Web.Servers;

/// <summary>The readiness report: where this node stands against the instruction log, its index, and any failing follower.</summary>
internal static class Readiness
{
    public static async Task<IResult> ReportAsync(
        ContentRefresher refresher, InstructionLog log, ServerRoles roles, ServerSettings settings, ServerOptions options,
        PublishedContentCache cache, CourseIndex index, ContentIndexing indexing, USyncExport uSync, TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = refresher.Status;
        var (_, newest) = await log.RangeAsync(cancellationToken);
        var unapplied = (await log.ReadAfterAsync(status.LastApplied, 1, cancellationToken)).FirstOrDefault();
        // Caught up: nothing left that a poll should already have applied.
        var grace = TimeSpan.FromSeconds(2 * options.PollSeconds + 1);
        var caughtUp = unapplied is null || clock.GetUtcNow().UtcDateTime - unapplied.UtcDate < grace;
        var ready = status.Started && caughtUp;
        var report = new
        {
            status = ready ? "ready" : status.Started ? "behind" : "starting",
            node = settings.NodeId,
            role = roles.Current.ToString(),
            lastApplied = status.LastApplied,
            newest,
            lag = Math.Max(0, newest - status.LastApplied),
            cache = new { rebuilds = cache.Rebuilds },
            index = new
            {
                documents = index.DocumentCount,
                lastInstruction = index.LastInstruction,
                commits = index.Commits,
                rebuiltAtStart = index.Opening.RebuildReason,
                lastCheck = indexing.LastReconciliation,
                backgroundError = index.BackgroundFailure?.Message,
            },
            coldBoots = status.ColdBoots,
            lastColdBoot = status.LastColdBoot,
            refreshError = status.CacheError,
            failingFollowers = status.FailingFollowers,
            // On the node that writes uSync: files the start's reconciliation left for a person (orphaned, unreadable).
            uSync = uSync.LastReconciliation,
        };
        return Results.Json(report, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
