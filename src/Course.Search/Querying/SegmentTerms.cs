using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Course.Search.Querying;

/// <summary>
/// One terms enumerator per thread and field of a segment, sought to a word whose place is known: a scorer only needs it
/// to open the word's postings, which then stand on their own, so the next scorer can seek the same enumerator (as
/// Lucene's own phrase weight does across a phrase's words). Kept weakly: a merged-away segment takes its own along.
/// </summary>
internal static class SegmentTerms
{
    [ThreadStatic] private static ConditionalWeakTable<Terms, TermsEnum>? enumerators;

    public static TermsEnum At(AtomicReaderContext leaf, Term term, TermState state)
    {
        var terms = leaf.AtomicReader.GetTerms(term.Field)!; // a term with a state in this segment has its field there
        var kept = enumerators ??= new ConditionalWeakTable<Terms, TermsEnum>();
        if (!kept.TryGetValue(terms, out var enumerator))
        {
            enumerator = terms.GetEnumerator();
            kept.AddOrUpdate(terms, enumerator);
        }
        enumerator.SeekExact(term.Bytes, state);
        return enumerator;
    }
}
