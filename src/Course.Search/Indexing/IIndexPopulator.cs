using Course.Core.Notifications;

namespace Course.Search.Indexing;

/// <summary>
/// A source of documents for the index, like Examine's index populators: every populator contributes to a
/// full rebuild and answers content changes. Add one (as comments do) by registering it; nothing else changes.
/// </summary>
public interface IIndexPopulator
{
    /// <summary>Every document this populator contributes, for a full rebuild.</summary>
    IAsyncEnumerable<ValueSet> GetAllValueSetsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the change means for this populator's documents, read from the content as it is now (after the change).
    /// Removals of all populators apply before their additions, so one populator may re-add children another's removal took.
    /// </summary>
    Task<IndexChange> GetChangeAsync(ContentChangedNotification notification, CancellationToken cancellationToken);
}
