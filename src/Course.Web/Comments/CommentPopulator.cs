using System.Runtime.CompilerServices;
using Course.Core.Comments;
using Course.Core.Content;
using Course.Core.Notifications;
using Course.Data.Content;
using Course.Search.Content;
using Course.Search.Indexing;

namespace Course.Web.Comments;

/// <summary>
/// Visible comments in the search index: approved, on a published video, and for a reply, under a visible
/// comment (<see cref="CommentThreads"/> decides, as on the video page). A comment's document is a child of its
/// video's, so unpublishing the video takes its comments with it and this populator puts them back.
/// </summary>
internal sealed class CommentPopulator(CommentService comments, PublishedContentCache cache) : IIndexPopulator
{
    public async IAsyncEnumerable<ValueSet> GetAllValueSetsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = cache.Current;
        var byVideo = (await comments.ListAsync(CommentState.Approved, cancellationToken)).Select(m => m.Comment).ToLookup(c => c.VideoKey);
        foreach (var video in content.Videos)
        {
            foreach (var comment in Visible(video, byVideo[video.Key])) yield return ValueSetOf(video, comment);
        }
    }

    public async Task<IndexChange> GetChangeAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        switch (notification.Kind)
        {
            case ContentKind.Comment:
                var id = ContentValueSets.IdOf(notification.Key);
                var found = await comments.FindAsync(notification.Key, cancellationToken);
                if (found is null || VideoOf(found.Comment.VideoKey) is not { } video) return new IndexChange([id], []);
                var comment = Visible(video, await comments.ListApprovedAsync(video.Key, cancellationToken))
                    .FirstOrDefault(c => c.Key == notification.Key);
                return comment is null ? new IndexChange([id], []) : new IndexChange([], [ValueSetOf(video, comment)]);
            case ContentKind.Video when VideoOf(notification.Key) is { } changed:
                var visible = Visible(changed, await comments.ListApprovedAsync(changed.Key, cancellationToken));
                return new IndexChange([], visible.Select(c => ValueSetOf(changed, c)).ToList());
            default:
                return IndexChange.None;
        }
    }

    private Video? VideoOf(Guid key) => cache.Current.Videos.FirstOrDefault(v => v.Key == key);

    private static IEnumerable<Comment> Visible(Video video, IEnumerable<Comment> approved) =>
        CommentThreads.Of(video, approved).SelectMany(thread => thread.Replies.Prepend(thread.Comment));

    private static ValueSet ValueSetOf(Video video, Comment comment) =>
        ContentValueSets.ForComment(comment.Key, video, comment.Author, comment.Body, comment.At);
}
