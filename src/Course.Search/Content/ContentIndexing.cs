using System.Runtime.CompilerServices;
using Course.Core.Notifications;
using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>
/// Keeps the index in step with content: after each change (and after the published cache is rebuilt), every
/// populator's part of the change is applied at once and is searchable when the editor's call returns. The
/// content stamp read after the change is committed with it, so a later start can tell a missed change.
/// </summary>
public sealed class ContentIndexing(CourseIndex index, IEnumerable<IIndexPopulator> populators, ContentStampReader readStamp)
    : INotificationHandler<ContentChangedNotification>
{
    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        var contentStamp = await readStamp(cancellationToken);
        var changes = new List<IndexChange>();
        foreach (var populator in populators)
        {
            var change = await populator.GetChangeAsync(notification, cancellationToken);
            if (!change.IsEmpty) changes.Add(change);
        }
        // A change that touches nothing indexed (a pending comment, say) leaves the stamp, and so the index, as it was.
        if (changes.Count > 0 || contentStamp != index.ContentStamp) index.Apply(changes, contentStamp);
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
