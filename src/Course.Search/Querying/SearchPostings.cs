using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// The postings enumerators a search's word scorers read, handed out again to the next search on the same thread. Lucene
/// opens a new enumerator (its buffers about 2 KiB) for every word, segment and search, and a search scores dozens of
/// words: the largest part of what a search allocated once the phrase scorers stopped allocating. A search takes them
/// between <see cref="Begin"/> and the lease's end; an enumerator is handed out once per search, so no two of a search's
/// scorers share one, and none is handed out again before the search that had it has ended. Outside a search, and on a
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

    /// <summary>The word's postings (the enumerator sought to it) for a scorer of the search under way, if any.</summary>
    public static DocsEnum Docs(AtomicReaderContext leaf, TermsEnum word, IBits? acceptDocs) =>
        lease is { Active: true } current ? current.Docs(leaf, word, acceptDocs) : word.Docs(acceptDocs, null);

    internal sealed class Lease : IDisposable
    {
        // Per segment core (the same across snapshots until the segment is merged away), weakly: a merged segment's go too.
        private readonly ConditionalWeakTable<object, Kept> perSegment = new();
        private int search;

        public bool Active { get; private set; }

        public void Start()
        {
            if (Active) throw new InvalidOperationException("A search is already under way on this thread.");
            Active = true;
            search++;
        }

        public DocsEnum Docs(AtomicReaderContext leaf, TermsEnum word, IBits? acceptDocs)
        {
            var kept = perSegment.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new Kept());
            if (kept.Search != search) (kept.Search, kept.HandedOut) = (search, 0);
            var reuse = kept.HandedOut < kept.Postings.Count ? kept.Postings[kept.HandedOut] : null;
            var postings = word.Docs(acceptDocs, reuse);
            if (reuse is null) kept.Postings.Add(postings);
            else kept.Postings[kept.HandedOut] = postings; // Lucene opens a new one when the kept one does not fit the field
            kept.HandedOut++;
            return postings;
        }

        public void Dispose() => Active = false;

        private sealed class Kept
        {
            public List<DocsEnum> Postings { get; } = [];
            public int Search { get; set; }
            public int HandedOut { get; set; }
        }
    }
}
