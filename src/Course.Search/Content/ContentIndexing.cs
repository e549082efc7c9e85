using System.Runtime.CompilerServices;
using Course.Core.Notifications;
using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>
/// Keeps the index in step with content, as a follower of the published cache: for each batch, every populator's part
/// of every change is applied in one commit, with the batch's last instruction id, and is searchable when the refresh
/// returns. A cold boot (and every start) compares the whole index with the database, document by document.
/// </summary>
public sealed class ContentIndexing(CourseIndex index, IEnumerable<IIndexPopulator> populators) : IContentFollower
{
    public string Name => "search index";

    /// <summary>What the last cold boot found; null before the first.</summary>
    public IndexReconciliation? LastReconciliation { get; private set; }

    public async Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        if (changed.Everything)
        {
            LastReconciliation = await index.ReconcileAsync(() => AllValueSets(populators, cancellationToken), changed.ThroughInstruction, cancellationToken);
            return;
        }
        var changes = new List<IndexChange>();
        // Nobody sees a comment awaiting moderation: there is nothing to index for it.
        foreach (var change in changed.Changes.Where(c => !c.IsPendingComment))
        {
            foreach (var populator in populators)
            {
                var part = await populator.GetChangeAsync(change, cancellationToken);
                if (!part.IsEmpty) changes.Add(part);
            }
        }
        // A batch that touches nothing indexed leaves the index, and its last commit, as they were.
        if (changes.Count > 0) index.Apply(changes, changed.ThroughInstruction);
    }

    /// <summary>Every populator's documents, one after another: the source of a full rebuild.</summary>
    public static async IAsyncEnumerable<ValueSet> AllValueSets(
        IEnumerable<IIndexPopulator> populators, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var populator in populators)
        {
            await foreach (var valueSet in populator.GetAllValueSetsAsync(cancellationToken)) yield return valueSet;
        }
    }
}
