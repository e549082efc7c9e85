using System.Runtime.CompilerServices;
using Course.Core.Notifications;
using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>
/// Keeps the index in step with content: after each change (and after the published cache is rebuilt), every
/// populator's part of the change is applied at once and is searchable when the editor's call returns.
/// </summary>
public sealed class ContentIndexing(CourseIndex index, IEnumerable<IIndexPopulator> populators)
    : INotificationHandler<ContentChangedNotification>
{
    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        var changes = new List<IndexChange>();
        foreach (var populator in populators)
        {
            var change = await populator.GetChangeAsync(notification, cancellationToken);
            if (!change.IsEmpty) changes.Add(change);
        }
        if (changes.Count > 0) index.Apply(changes);
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
