using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// How many documents two bitsets share, eight machine words at a time where the processor has AVX-512: a facet count over a
/// large match set is one such count per facet value, and the site at 100,000 documents spent an eighth of its CPU in them
/// one word at a time (Lucene's <see cref="FixedBitSet.IntersectionCount"/>). .NET has no vector population count for x86,
/// so each byte's bits are counted from a table of the sixteen nibbles (two shuffles) and the bytes summed per word.
/// </summary>
internal static class BitCounts
{
    private static readonly Vector512<byte> NibbleCounts = Vector512.Create(
        (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    /// <summary>The number of bits set in both (what <see cref="FixedBitSet.IntersectionCount"/> counts).</summary>
    public static long Intersection(FixedBitSet a, FixedBitSet b)
    {
        var x = a.GetBits();
        var y = b.GetBits();
        var words = Math.Min(Math.Min(x.Length, y.Length), Math.Min(a.Length, b.Length) + 63 >> 6);
        long count = 0;
        var i = 0;
        if (Avx512BW.IsSupported && words >= 8)
        {
            ref var xs = ref MemoryMarshal.GetArrayDataReference(x);
            ref var ys = ref MemoryMarshal.GetArrayDataReference(y);
            var lowNibble = Vector512.Create((byte)0x0F);
            var sums = Vector512<ulong>.Zero;
            for (; i <= words - 8; i += 8)
            {
                var both = (Vector512.LoadUnsafe(ref xs, (nuint)i) & Vector512.LoadUnsafe(ref ys, (nuint)i)).AsByte();
                var perByte = Avx512BW.Shuffle(NibbleCounts, both & lowNibble)
                    + Avx512BW.Shuffle(NibbleCounts, Avx512BW.ShiftRightLogical(both.AsUInt16(), 4).AsByte() & lowNibble);
                sums += Avx512BW.SumAbsoluteDifferences(perByte, Vector512<byte>.Zero).AsUInt64();
            }
            count = (long)Vector512.Sum(sums);
        }
        for (; i < words; i++) count += BitOperations.PopCount((ulong)(x[i] & y[i]));
        return count;
    }
}
