namespace Course.Core.Notifications;

public enum ContentKind { Video, Technique, Comment }

public enum ContentChange { Saved, Published, Unpublished, Deleted }

/// <summary>A video, technique or comment was saved, published, unpublished or deleted.</summary>
public sealed record ContentChangedNotification(ContentKind Kind, Guid Key, ContentChange Change)
{
    /// <summary>A comment awaiting moderation: nobody but editors sees it, so pages and search have nothing to follow.</summary>
    public bool IsPendingComment => Kind == ContentKind.Comment && Change == ContentChange.Saved;
}

/// <summary>
/// What the published cache announces once it has been rebuilt for a batch of instructions (Umbraco's cache
/// refresher notifications): every change of the batch, up to and including instruction <see cref="ThroughInstruction"/>.
/// On a cold boot <see cref="Everything"/> is set and followers bring all they hold in line with the database.
/// </summary>
public sealed record PublishedContentChanged(IReadOnlyList<ContentChangedNotification> Changes, long ThroughInstruction, bool Everything = false)
{
    /// <summary>Whether visitors can see any of it: false for a batch of comments awaiting moderation only.</summary>
    public bool IsVisible => Everything || Changes.Any(c => !c.IsPendingComment);

    public static PublishedContentChanged ColdBoot(long throughInstruction) => new([], throughInstruction, Everything: true);
}

/// <summary>
/// A step that follows the published cache after every batch (the search index, output-cache eviction, uSync files).
/// Runs after the change is committed, so it must not undo it: the refresher contains a failure, logs it with the
/// batch's keys and hands the same changes to the follower again at the next poll.
/// </summary>
public interface IContentFollower
{
    /// <summary>Short name for logs and the readiness report.</summary>
    string Name { get; }

    Task FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken);
}
