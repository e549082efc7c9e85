using Course.Core.Notifications;
using Course.Web.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Servers;

/// <summary>
/// An answer computed from content read before a change, but stored in the output cache after the change's eviction,
/// is never served afterwards: the site's content cache policy keys answers by the content version (seen in CI: a
/// search asked during a cold boot answered from the old index for the cache's ten minutes).
/// </summary>
public sealed class OutputCacheRaceTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private volatile string content = "old";
    private readonly TaskCompletionSource read = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<OutputCacheEviction>();
        builder.Services.AddOutputCache(cache => cache.AddPolicy("content", policy => policy.Expire(TimeSpan.FromMinutes(10)).FollowsContent()));
        app = builder.Build();
        app.UseOutputCache();
        // The first request reads the content, then waits (as a slow search on the old index does) until released.
        app.MapGet("/answer", async () =>
        {
            var answer = content;
            if (Interlocked.Increment(ref requests) == 1)
            {
                read.SetResult();
                await released.Task;
            }
            return Results.Text(answer);
        }).CacheOutput("content");
        await app.StartAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task FollowAsync(params ContentChangedNotification[] changes) =>
        app.Services.GetRequiredService<OutputCacheEviction>().FollowAsync(new PublishedContentChanged(changes, 1), CancellationToken.None);

    [Fact]
    public async Task An_answer_read_before_a_change_and_stored_after_its_eviction_is_not_served()
    {
        var client = app.GetTestClient();
        var slow = client.GetStringAsync("/answer");
        await read.Task;

        content = "new";
        await FollowAsync(new ContentChangedNotification(ContentKind.Technique, Guid.NewGuid(), ContentChange.Published));
        released.SetResult();
        Assert.Equal("old", await slow); // stored now, after the eviction

        Assert.Equal("new", await client.GetStringAsync("/answer"));
        // Answers are still cached between changes, and a comment awaiting moderation does not drop them.
        content = "newer";
        await FollowAsync(new ContentChangedNotification(ContentKind.Comment, Guid.NewGuid(), ContentChange.Saved));
        Assert.Equal("new", await client.GetStringAsync("/answer"));
        await FollowAsync(new ContentChangedNotification(ContentKind.Comment, Guid.NewGuid(), ContentChange.Published));
        Assert.Equal("newer", await client.GetStringAsync("/answer"));
    }
}
