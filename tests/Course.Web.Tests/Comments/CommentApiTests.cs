using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Course.Web.Tests.Comments;

/// <summary>Posting through the JSON API: what is accepted, and that every bad request stores nothing.</summary>
public sealed class CommentApiTests(ModeratedCommentSite comments) : IClassFixture<ModeratedCommentSite>
{
    private readonly HttpClient client = comments.Site.CreateClient();

    [Fact]
    public async Task A_new_comment_is_accepted_as_pending_and_stored()
    {
        var before = await comments.CommentRowsAsync();
        var response = await client.PostCommentAsync(new { author = "Ada", body = "Lovely pin at 18:30", at = 1110 });
        var posted = await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", posted.GetProperty("state").GetString());
        Assert.Equal("Your comment is waiting for moderation.", posted.GetProperty("message").GetString());
        Assert.Equal(1110, posted.GetProperty("at").GetInt32());
        var id = posted.GetProperty("id").GetGuid();
        Assert.Equal($"/videos/sciatica-myofascial-release?t=1110#comment-{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await comments.CommentRowsAsync());
    }

    public static TheoryData<string, string> BadComments => new()
    {
        { """{}""", "author,body" },
        { """{"author": "", "body": "text"}""", "author" },
        { """{"author": "   ", "body": "text"}""", "author" },
        { """{"author": "Ada", "body": ""}""", "body" },
        { """{"author": "Ada", "body": " \n\t "}""", "body" },
        { $$"""{"author": "{{new string('a', 101)}}", "body": "text"}""", "author" },
        { $$"""{"author": "Ada", "body": "{{new string('b', 5001)}}"}""", "body" },
        { """{"author": "Ada", "body": "text", "at": -1}""", "at" },
        { """{"author": "Ada", "body": "text", "at": 1261}""", "at" },
        { """{"author": "Ada", "body": "text", "at": 12.5}""", "at" },
        { """{"author": "Ada", "body": "text", "at": "13:15"}""", "at" },
        { """{"author": 42, "body": "text"}""", "author" },
        { """{"author": "Ada", "body": "text", "parentId": "not-a-guid"}""", "parentId" },
        { """{"author": "Ada", "body": "text", "parentId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", "parentId" },
        { """{"author": "Ada", "body": "text", "website": "http://spam.example"}""", "website" },
        { """[]""", "$" },
        { """null""", "$" },
        { """"just a string\"""", "$" },
        { "", "$" },
        { """{"author": "Ada", "body": "text" """, "$" },
        { """{"author": "Ada", "body": "text",}""", "$" },
        { """{"author": "Ada" "body": "text"}""", "$" },
    };

    [Theory]
    [MemberData(nameof(BadComments))]
    public async Task Every_bad_comment_is_a_400_naming_its_fields_and_stores_nothing(string json, string fields)
    {
        var before = await comments.CommentRowsAsync();
        var response = await client.PostAsync(CommentSite.CommentsPath, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(fields.Split(','), problem.ErrorFields().Order());
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Other_content_types_are_a_415_problem_and_store_nothing(string mediaType)
    {
        var before = await comments.CommentRowsAsync();
        var response = await client.PostAsync(CommentSite.CommentsPath,
            new StringContent("""{"author": "Ada", "body": "text"}""", Encoding.UTF8, mediaType));
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_body_without_content_type_is_a_415_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CommentSite.CommentsPath)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"author": "Ada", "body": "text"}""")),
        };
        await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/videos/no-such-video/comments")]
    [InlineData("/api/videos/NOT%20A%20SLUG/comments")]
    public async Task Unknown_videos_are_a_404_problem_for_reading_and_posting(string path)
    {
        var before = await comments.CommentRowsAsync();
        await (await client.PostAsJsonAsync(path, new { author = "Ada", body = "text" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_first_comment_and_stores_no_other()
    {
        var before = await comments.CommentRowsAsync();
        var key = Guid.NewGuid().ToString();
        var comment = new { author = "Ada", body = "Posted twice\non a bad network", at = 80 };

        var first = await (await client.PostCommentAsync(comment, key)).JsonAsync(HttpStatusCode.Accepted);
        var retry = await (await client.PostCommentAsync(comment, key)).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        Assert.Equal(before + 1, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_used_idempotency_key_with_another_comment_is_a_409_problem()
    {
        var key = Guid.NewGuid().ToString();
        await (await client.PostCommentAsync(new { author = "Ada", body = "first" }, key)).JsonAsync(HttpStatusCode.Accepted);
        var before = await comments.CommentRowsAsync();

        var problem = await (await client.PostCommentAsync(new { author = "Ada", body = "something else" }, key)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("tab\tinside")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_idempotency_key_is_a_400_problem(string key)
    {
        var before = await comments.CommentRowsAsync();
        var problem = await (await client.PostCommentAsync(new { author = "Ada", body = "text" }, key)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task Pending_comments_are_not_shown()
    {
        var posted = await (await client.PostCommentAsync(new { author = "Ada", body = "not yet" })).JsonAsync(HttpStatusCode.Accepted);
        var list = await (await client.GetAsync(CommentSite.CommentsPath)).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("comments").EnumerateArray(), c => c.GetProperty("id").GetGuid() == posted.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_post_is_described_in_the_openapi_document()
    {
        var openApi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var post = openApi.GetProperty("paths").GetProperty("/api/videos/{slug}/comments").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("202", out _));
    }
}
