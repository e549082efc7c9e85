using Course.Search.Querying;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// The caches of prepared queries, shown hits, clause leaders and phrases keep a value the second time its key is asked
/// lately: what a search asks once is made for it and left to die young.
/// </summary>
public sealed class KeptWhenAskedAgainTests
{
    [Fact]
    public void A_value_is_made_for_each_of_the_first_two_asks_and_kept_from_the_second()
    {
        var cache = new KeptWhenAskedAgain<(object Core, int Doc), object>(64);
        var core = new object();
        var made = 0;
        object Make((object, int) _) { made++; return new object(); }

        var first = cache.GetOrMake((core, 7), Make);
        Assert.False(cache.TryGet((core, 7), out _));
        var second = cache.GetOrMake((core, 7), Make);
        var third = cache.GetOrMake((core, 7), Make);

        Assert.Equal(2, made);
        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.False(cache.TryGet((new object(), 7), out _), "another segment core's document 7 is another key");
    }

    [Fact]
    public void Keys_asked_once_keep_nothing()
    {
        var cache = new KeptWhenAskedAgain<string, string>(256);
        var keys = Enumerable.Range(0, 2_000).Select(i => $"first-seen {i}").ToList();

        Assert.All(keys, key => Assert.Equal(key.ToUpperInvariant(), cache.GetOrMake(key, static key => key.ToUpperInvariant())));
        // At most one: two of the keys with one 32-bit hash, asked close together, would pass as one asked twice (a
        // false "again" came in 1 of 3,000 simulated runs of 2,000 keys).
        Assert.True(keys.Count(key => cache.TryGet(key, out _)) <= 1);
    }

    [Fact]
    public void Keys_asked_again_soon_are_kept_while_the_capacity_lasts()
    {
        var cache = new KeptWhenAskedAgain<string, string>(1024);
        var keys = Enumerable.Range(0, 100).Select(i => $"keystroke {i}").ToList();
        foreach (var key in keys) cache.GetOrMake(key, static key => key);
        foreach (var key in keys) cache.GetOrMake(key, static key => key);

        // A key is forgotten when the keys asked between its two asks took both its slots (two in eight times the
        // capacity). String hashes differ from run to run: in 20,000 simulated runs at least 97 of the 100 were kept.
        Assert.True(keys.Count(key => cache.TryGet(key, out _)) >= 95);
    }
}
