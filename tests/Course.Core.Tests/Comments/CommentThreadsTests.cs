using Course.Core.Comments;
using static Course.Core.Tests.Comments.CommentSamples;

namespace Course.Core.Tests.Comments;

public class CommentThreadsTests
{
    [Fact]
    public void Only_approved_comments_show_oldest_first_with_their_approved_replies()
    {
        var second = Comment(at: 130, minute: 2);
        var first = Comment(minute: 1);
        var reply = Comment(parent: first, minute: 3);
        var comments = new[]
        {
            second, first, reply,
            Comment(CommentState.Pending, minute: 4),
            Comment(CommentState.Rejected, minute: 5),
            Comment(CommentState.Pending, parent: first, minute: 6),
        };

        var threads = CommentThreads.Of(Video, comments);

        Assert.Equal([first.Key, second.Key], threads.Select(t => t.Comment.Key));
        Assert.Equal([reply.Key], threads[0].Replies.Select(r => r.Key));
        Assert.Empty(threads[1].Replies);
    }

    [Fact]
    public void Replies_hide_with_their_comment()
    {
        var rejected = Comment(CommentState.Rejected);
        var threads = CommentThreads.Of(Video, [rejected, Comment(parent: rejected, minute: 1)]);
        Assert.Empty(threads);
    }

    [Theory]
    [InlineData(0, "Start")]
    [InlineData(119, "Start")]
    [InlineData(120, "Middle")]
    [InlineData(299, "Middle")]
    [InlineData(300, "End")]
    [InlineData(600, "End")]
    public void A_comment_sits_in_the_chapter_playing_at_its_second(int at, string chapter)
    {
        var thread = Assert.Single(CommentThreads.Of(Video, [Comment(at: at)]));
        Assert.Equal(chapter, thread.Chapter?.Title);
    }

    [Fact]
    public void Chapters_count_their_comments_and_replies_and_a_chapter_page_shows_its_own()
    {
        var middle = Comment(at: 150);
        var comments = new[] { middle, Comment(parent: middle, minute: 1), Comment(at: 200, minute: 2), Comment(at: 400, minute: 3), Comment(minute: 4) };
        var threads = CommentThreads.Of(Video, comments);

        Assert.Equal(new Dictionary<int, int> { [1] = 3, [2] = 1 }, CommentThreads.CountByChapter(threads));
        var inMiddle = CommentThreads.InChapter(threads, Video.Chapters[1]);
        Assert.Equal([150, 200], inMiddle.Select(t => t.Comment.At!.Value));
    }

    [Fact]
    public void Comments_of_another_video_are_left_out()
    {
        Assert.Empty(CommentThreads.Of(Video, [Comment() with { VideoKey = Guid.NewGuid() }]));
    }
}
