using Course.Core.Notifications;
using Course.Data.Content;
using Microsoft.Extensions.Logging;

namespace Course.Data.Servers;

/// <summary>The steps that follow the published cache, in the order they run (set by the host, in code).</summary>
public sealed record ContentFollowers(IReadOnlyList<IContentFollower> InOrder)
{
    public static ContentFollowers None { get; } = new([]);
}

/// <summary>A follower whose last attempt failed: it is retried at every poll until it succeeds.</summary>
public sealed record FollowerFailure(string Follower, string Error, IReadOnlyList<Guid> Keys, DateTime Since, int Attempts);

/// <summary>Where this node stands against the instruction log, for the readiness report.</summary>
public sealed record RefresherStatus(
    bool Started, long LastApplied, int ColdBoots, string? LastColdBoot, string? CacheError, IReadOnlyList<FollowerFailure> FailingFollowers);

/// <summary>
/// The one refresh pipeline of every node, the writer included (Umbraco's distributed cache and its cache
/// refreshers): it applies the instructions this node has not applied yet as one batch. First the published
/// cache is rebuilt once for the whole batch; then it announces a <see cref="PublishedContentChanged"/> to each
/// follower in <see cref="ContentFollowers"/> order. A follower's failure is contained: logged with the batch's
/// keys, the later followers still run, and the failed follower gets the same changes again at the next poll.
/// A node further behind than <see cref="ServerSettings.MaxBehind"/>, or whose last instruction was pruned,
/// cold-boots instead: the cache is rebuilt and every follower brings all it holds in line with the database.
/// </summary>
public sealed class ContentRefresher(
    InstructionLog log, PublishedContentCache cache, ServerSettings settings, TimeProvider clock, ILogger<ContentRefresher> logger)
{
    // Given at start rather than injected: the followers read content through services that write through this refresher.
    private ContentFollowers followers = ContentFollowers.None;
    private readonly SemaphoreSlim applying = new(1, 1);
    // Guarded by `applying`: what each failed follower still owes, handed to it again at the next refresh.
    private readonly Dictionary<IContentFollower, PublishedContentChanged> owed = [];
    private readonly Dictionary<string, FollowerFailure> failing = [];
    private long lastApplied;
    private int coldBoots;
    private string? lastColdBoot;
    private string? cacheError;
    private volatile bool started;

    /// <summary>The id of the newest instruction this node's cache and followers have applied.</summary>
    public long LastApplied => Interlocked.Read(ref lastApplied);

    public RefresherStatus Status
    {
        get
        {
            lock (failing)
                return new(started, LastApplied, coldBoots, lastColdBoot, cacheError, failing.Values.OrderBy(f => f.Follower).ToList());
        }
    }

    /// <summary>
    /// Brings this node up at start with its <paramref name="followers"/>: a cold boot through the same pipeline (the
    /// cache is rebuilt, the index compared item by item with the database, cached pages dropped), marked as having
    /// applied everything up to the newest instruction read before the content was.
    /// </summary>
    public async Task StartAsync(ContentFollowers followers, CancellationToken cancellationToken = default)
    {
        await applying.WaitAsync(cancellationToken);
        try
        {
            this.followers = followers;
            await ColdBootAsync("start", cancellationToken);
            started = true;
        }
        finally
        {
            applying.Release();
        }
    }

    /// <summary>
    /// Applies every instruction not applied yet, and retries followers that owe changes. Returns at once when
    /// instruction <paramref name="through"/> is already applied (a concurrent writer's refresh took it along).
    /// Never throws: content is committed before this runs, so a failure here is logged, reported in
    /// <see cref="Status"/> and retried at the next poll, not passed on to the editor who saved.
    /// </summary>
    public async Task RefreshAsync(long through = long.MaxValue, CancellationToken cancellationToken = default)
    {
        if (through <= LastApplied) return;
        await applying.WaitAsync(cancellationToken);
        try
        {
            if (through <= LastApplied) return;
            await CatchUpAsync(cancellationToken);
            cacheError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            cacheError = e.Message;
            logger.LogError(e, "Refresh after instruction {LastApplied} failed; retried at the next poll", LastApplied);
        }
        finally
        {
            applying.Release();
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var (oldest, newest) = await log.RangeAsync(cancellationToken);
        if (newest - LastApplied > settings.MaxBehind)
        {
            await ColdBootAsync($"{newest - LastApplied} instructions behind (more than {settings.MaxBehind})", cancellationToken);
            return;
        }
        if (oldest > LastApplied + 1)
        {
            await ColdBootAsync($"instructions after {LastApplied} were pruned (oldest left: {oldest})", cancellationToken);
            return;
        }
        var applied = false;
        while (true)
        {
            var read = await log.ReadAfterAsync(LastApplied, ServerSettings.BatchSize, cancellationToken);
            var (applicable, final) = InstructionGap.Check(LastApplied, read, clock.GetUtcNow().UtcDateTime, settings.GapWait);
            if (final.Count > 0)
                logger.LogWarning("Instruction ids {Gaps} never appeared within {Wait}: taken as rolled back or pruned", final, settings.GapWait);
            // The rest waits for the hole before it (a transaction still committing) until the next poll.
            var batch = read.Take(applicable).ToList();
            if (batch.Count == 0) break;
            var changes = batch.SelectMany(i => i.Changes).Distinct().ToList();
            // Comments are not in the published cache: a batch of them only moves the followers.
            if (changes.Any(c => c.Kind != ContentKind.Comment)) await cache.RebuildAsync(cancellationToken);
            await FollowAsync(new PublishedContentChanged(changes, batch[^1].Id), cancellationToken);
            // Only now: a writer waiting for this instruction returns when it sees it applied, and its next read must
            // find the index and the page caches following too, not just the published cache.
            Interlocked.Exchange(ref lastApplied, batch[^1].Id);
            applied = true;
            if (read.Count < ServerSettings.BatchSize || batch.Count < read.Count) break;
        }
        if (!applied) await RetryOwedAsync(cancellationToken);
    }

    private async Task ColdBootAsync(string reason, CancellationToken cancellationToken)
    {
        // The newest id is read before the content: an instruction that lands in between is applied again, which is harmless.
        var (_, newest) = await log.RangeAsync(cancellationToken);
        await cache.RebuildAsync(cancellationToken);
        owed.Clear();
        coldBoots++;
        lastColdBoot = $"{reason}, at {clock.GetUtcNow().UtcDateTime:O}";
        logger.LogInformation("Cold boot ({Reason}): cache rebuilt, followers realigned through instruction {Newest}", reason, newest);
        await FollowAsync(PublishedContentChanged.ColdBoot(newest), cancellationToken);
        Interlocked.Exchange(ref lastApplied, newest);
    }

    private async Task RetryOwedAsync(CancellationToken cancellationToken)
    {
        foreach (var follower in followers.InOrder.Where(owed.ContainsKey).ToList())
            await RunAsync(follower, new PublishedContentChanged([], LastApplied), cancellationToken);
    }

    private async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        foreach (var follower in followers.InOrder) await RunAsync(follower, changed, cancellationToken);
    }

    /// <summary>Runs one follower on <paramref name="changed"/> and whatever it still owes; a failure is kept, not thrown.</summary>
    private async Task RunAsync(IContentFollower follower, PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        var due = owed.Remove(follower, out var earlier) ? Merge(earlier, changed) : changed;
        try
        {
            await follower.FollowAsync(due, cancellationToken);
            lock (failing) failing.Remove(follower.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            owed[follower] = due;
            var keys = due.Changes.Select(c => c.Key).Distinct().ToList();
            lock (failing)
            {
                var attempts = failing.TryGetValue(follower.Name, out var before) ? before.Attempts + 1 : 1;
                failing[follower.Name] = new FollowerFailure(follower.Name, e.Message, keys, before?.Since ?? clock.GetUtcNow().UtcDateTime, attempts);
            }
            logger.LogError(e, "{Follower} failed after instruction {Through} for {Keys} (everything: {Everything}); retried at the next poll",
                follower.Name, due.ThroughInstruction, keys, due.Everything);
        }
    }

    private static PublishedContentChanged Merge(PublishedContentChanged earlier, PublishedContentChanged later) => new(
        earlier.Changes.Concat(later.Changes).Distinct().ToList(),
        Math.Max(earlier.ThroughInstruction, later.ThroughInstruction),
        earlier.Everything || later.Everything);
}
