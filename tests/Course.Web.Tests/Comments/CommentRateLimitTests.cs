using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Course.Web.Tests.Comments;

/// <summary>With auto-approval on and three comments per client per minute.</summary>
public sealed class CommentRateLimitTests(LimitedCommentSite comments) : IClassFixture<LimitedCommentSite>
{
    [Fact]
    public async Task Auto_approved_comments_are_201_then_the_fourth_in_a_minute_is_429_for_api_and_form_alike()
    {
        var client = comments.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostCommentAsync(new { author = "Ada", body = $"Comment {i} at 0:45" });
            var posted = await response.JsonAsync(HttpStatusCode.Created);
            Assert.Equal("approved", posted.GetProperty("state").GetString());
            Assert.Equal("Your comment is published.", posted.GetProperty("message").GetString());
        }
        var shown = await (await client.GetAsync(CommentSite.CommentsPath)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, shown.GetProperty("total").GetInt32());

        var refused = await client.PostCommentAsync(new { author = "Ada", body = "One too many" });
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("wait", problem.GetProperty("detail").GetString());
        AssertRetryAfter(refused);
        Assert.Equal(3, await comments.CommentRowsAsync());

        // Reading is never limited, nor is loading the form; posting it counts against the same client.
        var form = await client.GetStringAsync(CommentSite.VideoPath + "/comment");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var formPost = await client.PostAsync(CommentSite.VideoPath + "/comment", new FormUrlEncodedContent(
            [KeyValuePair.Create("author", "Ada"), KeyValuePair.Create("body", "From the form"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, formPost.StatusCode);
        Assert.Equal("text/html", formPost.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many comments", await formPost.Content.ReadAsStringAsync());
        AssertRetryAfter(formPost);
        Assert.Equal(3, await comments.CommentRowsAsync());
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.NotNull(seconds);
        Assert.InRange(seconds.Value, 1, 60);
    }
}
