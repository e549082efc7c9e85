using Course.Core.Comments;
using Course.Core.Editing;
using static Course.Core.Tests.Comments.CommentSamples;

namespace Course.Core.Tests.Comments;

public class CommentRulesTests
{
    private static (CommentFields? Fields, IDictionary<string, string[]> Errors) Check(CommentInput input, Comment? parent = null)
    {
        var errors = new InputErrors();
        var fields = CommentRules.Check(input, Video, parent, errors);
        return (fields, errors.ToDictionary());
    }

    [Fact]
    public void A_good_comment_is_trimmed_with_one_line_ending_convention()
    {
        var (fields, errors) = Check(new CommentInput("  Ada ", "\r\nFirst line\r\nsecond\r\n", 125, null, null));
        Assert.Empty(errors);
        Assert.Equal(new CommentFields("Ada", "First line\nsecond", 125, null), fields);
    }

    [Theory]
    [InlineData(null, "body", "author")]
    [InlineData("   ", "body", "author")]
    [InlineData("Ada", null, "body")]
    [InlineData("Ada", " \n ", "body")]
    [InlineData("Ada\nLovelace", "body", "author")]
    public void Author_and_body_are_required(string? author, string? body, string field)
    {
        var (fields, errors) = Check(new CommentInput(author, body, null, null, null));
        Assert.Null(fields);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Limits_are_100_characters_of_name_and_5000_of_text()
    {
        Assert.Empty(Check(new CommentInput(new string('a', 100), new string('b', 5000), null, null, null)).Errors);
        var (_, errors) = Check(new CommentInput(new string('a', 101), new string('b', 5001), null, null, null));
        Assert.Equal(["author", "body"], errors.Keys.Order());
        Assert.Contains("5,001", errors["body"][0]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    [InlineData(-1, false)]
    public void At_lies_within_the_video(int at, bool valid)
    {
        var (_, errors) = Check(new CommentInput("Ada", "text", at, null, null));
        Assert.Equal(valid, !errors.ContainsKey("at"));
    }

    [Fact]
    public void At_is_not_bounded_when_the_duration_is_unknown()
    {
        var errors = new InputErrors();
        CommentRules.Check(new CommentInput("Ada", "text", 99_999, null, null), Video with { Duration = null }, null, errors);
        Assert.False(errors.Any);
    }

    [Fact]
    public void The_honeypot_must_stay_empty()
    {
        var (fields, errors) = Check(new CommentInput("Ada", "text", null, null, "http://spam.example"));
        Assert.Null(fields);
        Assert.Equal(["website"], errors.Keys);
    }

    [Fact]
    public void A_reply_answers_an_approved_top_level_comment_of_the_same_video()
    {
        var parent = Comment();
        var (fields, errors) = Check(new CommentInput("Bo", "Agreed", null, parent.Key, null), parent);
        Assert.Empty(errors);
        Assert.Equal(parent.Key, fields!.ParentKey);
    }

    [Fact]
    public void Replies_are_refused_under_a_reply_an_unapproved_comment_another_video_or_nothing()
    {
        var top = Comment();
        var cases = new Comment?[]
        {
            Comment(parent: top),
            Comment(CommentState.Pending),
            Comment(CommentState.Rejected),
            Comment(CommentState.Deleted),
            Comment() with { VideoKey = Guid.NewGuid() },
            null,
        };
        foreach (var parent in cases)
        {
            var (fields, errors) = Check(new CommentInput("Bo", "Agreed", null, parent?.Key ?? Guid.NewGuid(), null), parent);
            Assert.Null(fields);
            Assert.Equal(["parentId"], errors.Keys);
        }
    }

    [Fact]
    public void A_reply_takes_no_time_of_its_own()
    {
        var parent = Comment();
        var (_, errors) = Check(new CommentInput("Bo", "Agreed", 30, parent.Key, null), parent);
        Assert.Equal(["at"], errors.Keys);
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", true)]
    [InlineData("retry-1", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("ключ", false)]
    public void Idempotency_keys_are_short_visible_ascii(string key, bool valid)
    {
        var errors = new InputErrors();
        CommentRules.CheckIdempotencyKey(key, errors);
        Assert.Equal(valid, !errors.Any);
        CommentRules.CheckIdempotencyKey(new string('k', 101), errors);
        Assert.True(errors.Any);
    }

    [Fact]
    public void A_retry_is_the_same_comment_only_when_every_field_matches()
    {
        var earlier = Comment(at: 30) with { Author = "Ada", Body = "Line one\nline two" };
        Assert.True(CommentRules.IsSameComment(earlier, Video, new CommentInput(" Ada", "Line one\r\nline two ", 30, null, null)));
        Assert.False(CommentRules.IsSameComment(earlier, Video, new CommentInput("Ada", "Line one\nline two", 31, null, null)));
        Assert.False(CommentRules.IsSameComment(earlier, Video, new CommentInput("Ada", "Other", 30, null, null)));
        Assert.False(CommentRules.IsSameComment(earlier, Video with { Key = Guid.NewGuid() }, new CommentInput("Ada", "Line one\nline two", 30, null, null)));
    }
}
