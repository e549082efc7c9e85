using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// The positions enumerators a search's phrase scorers read, handed out again to the next search on the same thread. Lucene
/// opens a new enumerator (its buffers about 2 KiB) for every word, segment and search, and a search scores dozens of
/// words: the largest part of what a search allocated once the phrase scorers stopped allocating (a word's own scorer
/// reads its kept postings, see <see cref="KeptPostings"/>). A search takes them
/// between <see cref="Begin"/> and the lease's end; an enumerator is handed out once per search, so no two of a search's
/// scorers share one (a phrase's words each have their own), and none is handed out again before the search that had it has ended. Outside a search, and on a
/// segment the thread has not searched, a scorer opens its own.
/// </summary>
internal static class SearchPostings
{
    [ThreadStatic] private static Lease? lease;

    /// <summary>Starts a search on this thread; the search's scorers must be done with when the lease is disposed.</summary>
    public static Lease Begin()
    {
        var current = lease ??= new Lease();
        current.Start();
        return current;
    }

    /// <summary>The word's postings with positions (for a phrase's scorer); null when the field has no positions.</summary>
    public static DocsAndPositionsEnum? Positions(AtomicReaderContext leaf, TermsEnum word, IBits? acceptDocs) =>
        lease is { Active: true } current
            ? current.Of(leaf).Take(current.Search, static (reuse, a) => a.Word.DocsAndPositions(a.AcceptDocs, reuse, DocsAndPositionsFlags.NONE), (Word: word, AcceptDocs: acceptDocs))
            : word.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE);

    internal sealed class Lease : IDisposable
    {
        // Per segment core (the same across snapshots until the segment is merged away), weakly: a merged segment's go too.
        private readonly ConditionalWeakTable<object, Slots<DocsAndPositionsEnum>> perSegment = new();

        public bool Active { get; private set; }

        /// <summary>Which search of the thread this is: what each segment's enumerators were handed out to is told by it.</summary>
        public int Search { get; private set; }

        public void Start()
        {
            if (Active) throw new InvalidOperationException("A search is already under way on this thread.");
            Active = true;
            Search++;
        }

        public Slots<DocsAndPositionsEnum> Of(AtomicReaderContext leaf) => perSegment.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new Slots<DocsAndPositionsEnum>());

        public void Dispose() => Active = false;
    }

    /// <summary>One segment's enumerators: the first ones not yet handed out in this search go first.</summary>
    internal sealed class Slots<T> where T : class
    {
        private readonly List<T> kept = [];
        private int search;
        private int handedOut;

        public T? Take<TArgs>(int currentSearch, Func<T?, TArgs, T?> open, TArgs args)
        {
            if (search != currentSearch) (search, handedOut) = (currentSearch, 0);
            var reuse = handedOut < kept.Count ? kept[handedOut] : null;
            if (open(reuse, args) is not { } opened) return null;
            if (reuse is null) kept.Add(opened);
            else kept[handedOut] = opened; // Lucene opens a new one when the kept one does not fit the field
            handedOut++;
            return opened;
        }
    }
}
