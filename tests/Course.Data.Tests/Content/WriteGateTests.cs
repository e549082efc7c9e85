using Course.Data.Storage;

namespace Course.Data.Tests.Content;

/// <summary>SQLite gets one content write at a time from a process (no SQLITE_BUSY sleeps); SQL Server is not held back.</summary>
public sealed class WriteGateTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.SqlServer, 8)]
    public async Task Writes_overlap_only_where_the_database_takes_several_writers(string provider, int overlapping)
    {
        var gate = new WriteGate(new DatabaseProvider(provider, ""));
        var running = 0;
        var most = 0;
        using var release = new SemaphoreSlim(0);

        var writes = Enumerable.Range(0, 8).Select(_ => Task.Run(() => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            // Held until all eight have had the chance to start, so any overlap the gate allows shows.
            await Task.WhenAny(release.WaitAsync(), Task.Delay(overlapping == 1 ? 20 : 10_000));
            Interlocked.Decrement(ref running);
            return true;
        }, CancellationToken.None))).ToList();
        if (overlapping > 1)
        {
            var until = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref most) < overlapping && DateTime.UtcNow < until) await Task.Delay(5);
            release.Release(8);
        }
        await Task.WhenAll(writes);

        Assert.Equal(overlapping, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
