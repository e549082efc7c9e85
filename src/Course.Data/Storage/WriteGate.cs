namespace Course.Data.Storage;

/// <summary>
/// Lets one content write at a time into SQLite from this process. SQLite has one writer at a time anyway; without the
/// gate, concurrent saves meet SQLITE_BUSY and Microsoft.Data.Sqlite retries each after a 150 ms sleep, so fifty people
/// commenting at once were served a few dozen saves a second. Queued here they wait only for each other's commit.
/// SQL Server locks rows, so there the gate lets everyone through.
/// </summary>
public sealed class WriteGate(DatabaseProvider provider)
{
    private readonly SemaphoreSlim one = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (!provider.IsSqlite) return await write();
        await one.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            one.Release();
        }
    }
}
