using Course.Data.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Course.Data.Tests.Content;

/// <summary>The scheduling lease on a real database: who holds it after a crash and restart, and when another node takes it.</summary>
public sealed class ServerRolesTests : IAsyncLifetime
{
    private readonly ContentStore store = new();
    private readonly Clock clock = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task A_node_restarted_under_its_name_takes_its_lease_back_at_once_and_another_only_once_it_expired()
    {
        var first = Roles("machine:/srv/site-a");
        Assert.True(await first.ElectAsync(default));
        Assert.False(await first.ElectAsync(default)); // a renewal is not a takeover

        // Killed and started again: the same name, so the lease it held is its own at once (it reconciles uSync at start).
        var restarted = Roles("machine:/srv/site-a");
        Assert.True(await restarted.ElectAsync(default));
        Assert.True(restarted.IsScheduling);

        var other = Roles("machine:/srv/site-b");
        Assert.False(await other.ElectAsync(default));
        Assert.False(other.IsScheduling);
        // The holder stops renewing (it died for good): once the lease ran out, the other node takes over, and says so.
        clock.Now += ServerSettings.Default.Lease + TimeSpan.FromSeconds(1);
        Assert.True(await other.ElectAsync(default));
        Assert.Equal(ServerRole.SchedulingPublisher, other.Current);
    }

    private ServerRoles Roles(string nodeId) =>
        new(store.Databases, ServerSettings.Default with { NodeId = nodeId }, clock, NullLogger<ServerRoles>.Instance);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
