using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Content;
using Course.Data.Servers;
using Course.Data.Storage;

namespace Course.Data.Tests.Content;

/// <summary>
/// The refresh pipeline on a real database: the cache is rebuilt once per batch before the followers run, followers run
/// in their stated order, and a failing follower is contained (logged, reported, retried) without failing the save.
/// </summary>
public sealed class ContentRefresherTests : IAsyncLifetime
{
    private readonly List<string> calls = [];
    private readonly Follower search;
    private readonly Follower pages;
    private readonly Follower files;
    private readonly ContentStore store;

    public ContentRefresherTests()
    {
        search = new Follower("search", calls);
        pages = new Follower("pages", calls);
        files = new Follower("files", calls);
        store = new ContentStore(followers: [search, pages, files]);
    }

    public async Task InitializeAsync()
    {
        await store.InitializeAsync();
        // What the start's cold boot told them is not what these tests look at.
        calls.Clear();
        foreach (var follower in new[] { search, pages, files }) follower.Seen.Clear();
    }

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Followers_run_in_their_stated_order_after_the_cache_shows_the_change()
    {
        search.Check = () => Assert.NotNull(store.Cache.Current.FindTechnique("calf-squeeze"));
        var created = await store.Techniques.CreateAsync(new TechniqueInput("Calf squeeze", null, "Squeeze.", "", [], []));
        Assert.Equal(EditOutcome.Done, created.Outcome);
        Assert.Equal(["search", "pages", "files"], calls);
        Assert.Equal(created.Value!.Key, Assert.Single(search.Seen).Changes.Single().Key);
    }

    [Fact]
    public async Task Changes_another_node_made_are_one_batch_one_cache_rebuild_and_one_call_per_follower()
    {
        var keys = await WriteAsAnotherNodeAsync(20);
        var rebuilds = store.Cache.Rebuilds;

        await store.Refresher.RefreshAsync();

        Assert.Equal(rebuilds + 1, store.Cache.Rebuilds);
        var batch = Assert.Single(search.Seen);
        Assert.Equal(keys, batch.Changes.Select(c => c.Key));
        Assert.Equal(store.Refresher.LastApplied, batch.ThroughInstruction);
        Assert.Equal(20, store.Cache.Current.Techniques.Count(t => t.Slug.StartsWith("batch-")));
        Assert.Equal(["search", "pages", "files"], calls);
    }

    [Fact]
    public async Task Comments_alone_leave_the_cache_as_it_is()
    {
        var rebuilds = store.Cache.Rebuilds;
        await using (var db = await store.Databases.CreateDbContextAsync())
        {
            store.Instructions.Add(db, ContentKind.Comment, ContentChange.Saved, Guid.NewGuid());
            await db.SaveChangesAsync();
        }
        await store.Refresher.RefreshAsync();
        Assert.Equal(rebuilds, store.Cache.Rebuilds);
        Assert.True(Assert.Single(search.Seen).Changes.Single().IsPendingComment);
    }

    [Fact]
    public async Task A_failing_follower_neither_stops_the_others_nor_fails_the_save_and_is_retried_at_the_next_poll()
    {
        pages.FailNext = true;
        var created = await store.Techniques.CreateAsync(new TechniqueInput("Calf squeeze", null, "Squeeze.", "", [], []));

        Assert.Equal(EditOutcome.Done, created.Outcome);
        Assert.Equal(["search", "pages", "files"], calls);
        var failure = Assert.Single(store.Refresher.Status.FailingFollowers);
        Assert.Equal("pages", failure.Follower);
        Assert.Equal([created.Value!.Key], failure.Keys);

        await store.Refresher.RefreshAsync(); // the next poll: nothing new, the failed follower gets its changes again
        Assert.Equal(created.Value.Key, pages.Seen[^1].Changes.Single().Key);
        Assert.Empty(store.Refresher.Status.FailingFollowers);
        Assert.Single(search.Seen); // the others are not run again
    }

    [Fact]
    public async Task A_writer_whose_instruction_a_poll_took_along_waits_until_every_follower_has_run()
    {
        // A CI run saw a publish answered before the page caches had followed: the poll had taken the instruction
        // along, and the writer's refresh returned as soon as the cache alone showed it.
        await WriteAsAnotherNodeAsync(1);
        var (_, newest) = await store.Instructions.RangeAsync(default);
        pages.Gate = new TaskCompletionSource();

        var poll = store.Refresher.RefreshAsync();
        await pages.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var writer = store.Refresher.RefreshAsync(newest);

        Assert.NotSame(writer, await Task.WhenAny(writer, Task.Delay(TimeSpan.FromMilliseconds(300))));
        Assert.Empty(pages.Seen);
        pages.Gate.SetResult();
        await Task.WhenAll(poll, writer).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(pages.Seen);
        Assert.Equal(newest, store.Refresher.LastApplied);
    }

    [Fact]
    public async Task A_node_whose_last_instruction_was_pruned_cold_boots()
    {
        await WriteAsAnotherNodeAsync(3);
        await using (var db = await store.Databases.CreateDbContextAsync())
        {
            // What pruning leaves after a long absence: only instructions this node never saw.
            var all = db.Instructions.ToList();
            db.Instructions.RemoveRange(all.Where(i => i.Id < all.Max(x => x.Id)));
            await db.SaveChangesAsync();
        }
        var coldBoots = store.Refresher.Status.ColdBoots;

        await store.Refresher.RefreshAsync();

        Assert.Equal(coldBoots + 1, store.Refresher.Status.ColdBoots);
        Assert.Contains("pruned", store.Refresher.Status.LastColdBoot);
        Assert.True(Assert.Single(search.Seen).Everything);
        Assert.Equal(3, store.Cache.Current.Techniques.Count(t => t.Slug.StartsWith("batch-")));
    }

    [Fact]
    public async Task Instructions_are_pruned_past_the_retention_but_the_newest_stays()
    {
        await WriteAsAnotherNodeAsync(3);
        var pruning = new InstructionLog(store.Databases, ServerSettings.Default with { Retention = TimeSpan.Zero }, TimeProvider.System);
        var (_, newest) = await pruning.RangeAsync(default);
        Assert.True(await pruning.PruneAsync(default) >= 2);
        Assert.Equal((newest, newest), await pruning.RangeAsync(default));
    }

    [Fact]
    public async Task A_later_instruction_that_commits_before_an_earlier_one_waits_for_it()
    {
        // SQL Server hands out ids at insert and shows rows at commit: id N+2 can be read while N+1 is still committing.
        var (_, newest) = await store.Instructions.RangeAsync(default);
        var late = Guid.NewGuid();
        var early = await WriteInstructionAsync(newest + 2, DateTime.UtcNow);

        await store.Refresher.RefreshAsync();
        Assert.Equal(newest, store.Refresher.LastApplied);
        Assert.Empty(search.Seen);

        await WriteInstructionAsync(newest + 1, DateTime.UtcNow, late);
        await store.Refresher.RefreshAsync();

        Assert.Equal(newest + 2, store.Refresher.LastApplied);
        Assert.Equal([late, early], Assert.Single(search.Seen).Changes.Select(c => c.Key));
    }

    [Fact]
    public async Task A_hole_older_than_the_wait_is_taken_as_a_rolled_back_write()
    {
        var (_, newest) = await store.Instructions.RangeAsync(default);
        var after = await WriteInstructionAsync(newest + 3, DateTime.UtcNow - ServerSettings.Default.GapWait - TimeSpan.FromSeconds(1));

        await store.Refresher.RefreshAsync();

        Assert.Equal(newest + 3, store.Refresher.LastApplied);
        Assert.Equal(after, Assert.Single(search.Seen).Changes.Single().Key);
    }

    /// <summary>An instruction row with the given id and time, as a writer on SQL Server may leave them.</summary>
    private async Task<Guid> WriteInstructionAsync(long id, DateTime utcDate, Guid? key = null)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        var record = store.Instructions.Add(db, ContentKind.Comment, ContentChange.Saved, key ?? Guid.NewGuid());
        record.Id = id;
        record.UtcDate = utcDate;
        await db.SaveChangesAsync();
        return Guid.Parse(record.Keys);
    }

    /// <summary>Techniques saved with their instructions but not applied here, as another node writes them.</summary>
    private async Task<List<Guid>> WriteAsAnotherNodeAsync(int count)
    {
        var keys = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await using var db = await store.Databases.CreateDbContextAsync();
            var technique = new TechniqueRecord
            {
                Key = Guid.NewGuid(), Name = $"Batch {i}", Slug = $"batch-{i}", Published = true,
                CreateDate = DateTime.UtcNow, UpdateDate = DateTime.UtcNow,
            };
            db.Techniques.Add(technique);
            store.Instructions.Add(db, ContentKind.Technique, ContentChange.Published, technique.Key);
            await db.SaveChangesAsync();
            keys.Add(technique.Key);
        }
        return keys;
    }

    private sealed class Follower(string name, List<string> calls) : IContentFollower
    {
        public List<PublishedContentChanged> Seen { get; } = [];
        public bool FailNext { get; set; }
        public Action? Check { get; set; }
        /// <summary>When set, the follower holds here until it is completed (a slow index or cache store).</summary>
        public TaskCompletionSource? Gate { get; set; }
        /// <summary>Completed when the follower first holds at <see cref="Gate"/>.</summary>
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
        {
            calls.Add(name);
            Check?.Invoke();
            if (Gate is { } gate)
            {
                Entered.TrySetResult();
                await gate.Task;
            }
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }
            Seen.Add(changed);
        }
    }
}
