using Course.Search.Querying;
using Lucene.Net.Util;

namespace Course.Search.Tests.Relevance;

/// <summary>The shared bits of two bitsets, counted eight words at a time, equal Lucene's count one word at a time.</summary>
public sealed class BitCountsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(1_000)]
    [InlineData(12_200)]
    [InlineData(100_000)]
    public void The_count_of_shared_bits_is_lucenes_at_every_length(int bits)
    {
        var random = new Random(bits);
        foreach (var density in new[] { 0.0, 0.01, 0.5, 0.99, 1.0 })
        {
            var a = new FixedBitSet(bits);
            var b = new FixedBitSet(bits);
            for (var i = 0; i < bits; i++)
            {
                if (random.NextDouble() < density) a.Set(i);
                if (random.NextDouble() < 0.5) b.Set(i);
            }
            Assert.Equal(FixedBitSet.IntersectionCount(a, b), BitCounts.Intersection(a, b));
        }
    }

    [Fact]
    public void Bitsets_of_different_lengths_share_only_the_shorter_ones_bits()
    {
        var shorter = new FixedBitSet(700);
        var longer = new FixedBitSet(5_000);
        for (var i = 0; i < 700; i += 3) shorter.Set(i);
        for (var i = 0; i < 5_000; i += 2) longer.Set(i);

        Assert.Equal(FixedBitSet.IntersectionCount(shorter, longer), BitCounts.Intersection(shorter, longer));
        Assert.Equal(117, BitCounts.Intersection(shorter, longer)); // multiples of 6 under 700
    }
}
