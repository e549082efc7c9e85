using Course.Data.Servers;
using Course.Data.USync;
using Course.Web.Composition;

namespace Course.Web.Servers;

/// <summary>
/// Every poll (<c>Course:Server:PollSeconds</c>): takes or renews the scheduling lease when roles are elected, applies
/// the instructions other nodes wrote (and retries followers that failed), and, on the scheduling node, prunes the
/// instruction log once a minute. A node that takes the lease over reconciles the uSync folder, as a start does.
/// </summary>
internal sealed class InstructionPoller(
    ContentRefresher refresher, ServerRoles roles, InstructionLog log, USyncExport uSync, ServerOptions options, TimeProvider clock,
    ILogger<InstructionPoller> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds), clock);
        var nextPrune = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var tookOver = await roles.ElectAsync(stoppingToken);
                await refresher.RefreshAsync(cancellationToken: stoppingToken);
                // Changes applied while no node held the lease (its holder died) got no files: the new writer catches up.
                if (tookOver) await uSync.ReconcileAsync(cancellationToken: stoppingToken);
                if (roles.IsScheduling && clock.GetUtcNow() >= nextPrune)
                {
                    nextPrune = clock.GetUtcNow() + PruneEvery;
                    if (await log.PruneAsync(stoppingToken) is > 0 and var pruned)
                        logger.LogInformation("Pruned {Count} instructions older than the retention", pruned);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away: the next poll tries again.
                logger.LogWarning(e, "Poll failed; trying again in {Seconds} s", options.PollSeconds);
            }
        }
    }
}
