using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Data.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Comments;

/// <summary>Comments on the video and chapter pages, and the HTML form that posts them.</summary>
public sealed partial class CommentPageTests(ModeratedCommentSite comments) : IClassFixture<ModeratedCommentSite>
{
    private const string FormPath = CommentSite.VideoPath + "/comment";
    private readonly HttpClient editor = comments.Editor();

    private async Task<Guid> ApprovedAsync(object comment)
    {
        var posted = await (await comments.Site.CreateClient().PostCommentAsync(comment)).JsonAsync(HttpStatusCode.Accepted);
        var id = posted.GetProperty("id").GetGuid();
        await (await editor.PostAsync($"/api/manage/comments/{id}/approve", null)).JsonAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<string> HtmlAsync(string path)
    {
        var response = await comments.Site.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> ChapterSlugAsync(int index)
    {
        var video = JsonDocument.Parse(await comments.Site.CreateClient().GetStringAsync("/api/videos/" + CommentSite.VideoSlug)).RootElement;
        return video.GetProperty("chapters")[index].GetProperty("slug").GetString()!;
    }

    [Fact]
    public async Task An_approved_comment_shows_with_its_time_link_and_counts_in_its_chapter()
    {
        // Load the page first, so it is cached: approving must drop the cached copy.
        Assert.DoesNotContain("Counting chapters", await HtmlAsync(CommentSite.VideoPath));
        var id = await ApprovedAsync(new { author = "Ada <script>alert(1)</script>", body = "Counting chapters: see 13:20", at = 800 });

        var html = await HtmlAsync(CommentSite.VideoPath);

        var article = Regex.Match(html, $"<article class=\"comment\" id=\"comment-{id}\">.*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("<a class=\"comment-at\" href=\"/videos/sciatica-myofascial-release?t=800\" data-seek=\"800\">13:20</a>", article);
        Assert.Contains("<a href=\"/videos/sciatica-myofascial-release?t=800\" data-seek=\"800\" rel=\"nofollow ugc noopener\">13:20</a>", article);
        Assert.Contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;", article);
        Assert.Equal(1, ChapterComments(html, 795));
        Assert.Equal(0, ChapterComments(html, 820));
    }

    [Fact]
    public async Task A_chapter_page_shows_the_comments_within_its_span()
    {
        var inside = await ApprovedAsync(new { author = "Ada", body = "In the fascia chapter", at = 440 });
        var outside = await ApprovedAsync(new { author = "Bo", body = "Elsewhere", at = 20 });
        var general = await ApprovedAsync(new { author = "Cy", body = "About the whole video" });

        var chapter = await HtmlAsync($"{CommentSite.VideoPath}/chapters/{await ChapterSlugAsync(8)}");
        Assert.Contains($"id=\"comment-{inside}\"", chapter);
        Assert.DoesNotContain($"id=\"comment-{outside}\"", chapter);
        Assert.DoesNotContain($"id=\"comment-{general}\"", chapter);
        Assert.Contains("Comments on this chapter", chapter);
        Assert.Contains($"src=\"{FormPath}?at=7:10\"", chapter);

        var video = await HtmlAsync(CommentSite.VideoPath);
        Assert.Contains($"id=\"comment-{general}\"", video);
        Assert.Contains($"id=\"comment-{outside}\"", video);
    }

    [Fact]
    public async Task The_cached_page_frames_the_form_and_carries_no_antiforgery_token()
    {
        var page = await HtmlAsync(CommentSite.VideoPath);
        Assert.Contains($"<iframe class=\"comment-form-frame\" name=\"comment-form\" title=\"Write a comment\" loading=\"lazy\"", page);
        Assert.Contains($"src=\"{FormPath}\"", page);
        Assert.DoesNotContain("__RequestVerificationToken", page);

        var form = await comments.Site.CreateClient().GetAsync(FormPath);
        Assert.Contains("no-store", form.Headers.CacheControl?.ToString());
        var html = await form.Content.ReadAsStringAsync();
        Assert.Matches(TokenField(), html);
        Assert.Contains("<p class=\"comment-hp\" aria-hidden=\"true\">", html);
    }

    [Fact]
    public async Task The_form_posts_then_redirects_with_a_moderation_message_and_a_double_submit_stores_one()
    {
        var client = FormClient();
        var (token, key) = await OpenFormAsync(client);
        var fields = Fields(token, key, ("author", "Form user"), ("body", "Posted from the form"), ("at", "13:25"));

        var first = await client.PostAsync(FormPath, new FormUrlEncodedContent(fields));
        var again = await client.PostAsync(FormPath, new FormUrlEncodedContent(fields));

        foreach (var response in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"{FormPath}?posted=pending", response.Headers.Location?.OriginalString);
        }
        var stored = Assert.Single(await StoredAsync("Posted from the form"));
        Assert.Equal(805, stored.At);
        Assert.Contains("Your comment is waiting for moderation.", await client.GetStringAsync(first.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task The_form_answers_a_reply_link_with_its_comment()
    {
        var parent = await ApprovedAsync(new { author = "Parent author", body = "Ask me", at = 60 });
        var page = await HtmlAsync(CommentSite.VideoPath);
        Assert.Contains($"<a class=\"comment-reply\" href=\"{FormPath}?parent={parent}\" target=\"comment-form\">Reply</a>", page);

        var client = FormClient();
        var (token, key) = await OpenFormAsync(client, $"?parent={parent}");
        var fields = Fields(token, key, ("author", "Replier"), ("body", "A reply from the form"), ("parent", parent.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(FormPath, new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(parent, Assert.Single(await StoredAsync("A reply from the form")).ParentKey);
    }

    [Theory]
    [InlineData("", "text", "", "A name is required.")]
    [InlineData("Ada", "", "", "A comment needs some text.")]
    [InlineData("Ada", "text", "99:99", "Write the time as m:ss")]
    [InlineData("Ada", "text", "-5", "Write the time as m:ss")]
    [InlineData("Ada", "text", "30:00", "at is past the end")]
    public async Task Bad_form_input_shows_the_form_again_with_the_problem_and_stores_nothing(string author, string body, string at, string message)
    {
        var before = await comments.CommentRowsAsync();
        var client = FormClient();
        var (token, key) = await OpenFormAsync(client);

        var response = await client.PostAsync(FormPath, new FormUrlEncodedContent(Fields(token, key, ("author", author), ("body", body), ("at", at))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"field-error\"", html);
        Assert.Contains(WebUtility.HtmlEncode(message), html);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_stores_nothing()
    {
        var before = await comments.CommentRowsAsync();
        var client = FormClient();
        var (token, key) = await OpenFormAsync(client);
        var fields = Fields(token, key, ("author", "Bot"), ("body", "Buy now"), ("website", "http://spam.example"));

        var response = await client.PostAsync(FormPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{FormPath}?posted=pending", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var before = await comments.CommentRowsAsync();
        var client = FormClient();
        var (_, key) = await OpenFormAsync(client);
        var fields = Fields(null, key, ("author", "Forger"), ("body", "Cross-site"));

        var response = await client.PostAsync(FormPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task The_form_of_an_unknown_video_is_not_found()
    {
        var response = await comments.Site.CreateClient().GetAsync("/videos/no-such-video/comment");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient FormClient() => comments.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Loads the form (which sets the antiforgery cookie) and reads its token and idempotency key.</summary>
    private static async Task<(string Token, string Key)> OpenFormAsync(HttpClient client, string query = "")
    {
        var html = await client.GetStringAsync(FormPath + query);
        var key = Regex.Match(html, "name=\"idempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        return (TokenField().Match(html).Groups[1].Value, key);
    }

    private static List<KeyValuePair<string, string>> Fields(string? token, string key, params (string Name, string Value)[] fields)
    {
        var list = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        list.Add(KeyValuePair.Create("idempotencyKey", key));
        if (token is not null) list.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        return list;
    }

    private async Task<List<CommentRecord>> StoredAsync(string body)
    {
        await using var db = await comments.Site.Services.GetRequiredService<IDbContextFactory<CourseDbContext>>().CreateDbContextAsync();
        return await db.Comments.Where(c => c.Body == body).ToListAsync();
    }

    /// <summary>The comment count the chapter list shows for the chapter starting at <paramref name="start"/>.</summary>
    private static int ChapterComments(string html, int start)
    {
        var item = Regex.Match(html, $"<li class=\"chapter[^\"]*\" data-chapter-start=\"{start}\".*?</li>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(item);
        var count = Regex.Match(item, "class=\"chapter-comments\"[^>]*>(\\d+) comments?<");
        return count.Success ? int.Parse(count.Groups[1].Value) : 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
