using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Course.Web.Tests.Comments;

/// <summary>Text meant to hide, impersonate or exhaust: refused with the field named, nothing stored; what is stored renders isolated.</summary>
public sealed class HostileCommentTests(LoopbackCommentSite comments) : IClassFixture<LoopbackCommentSite>
{
    private readonly HttpClient client = comments.Site.CreateClient();

    public static TheoryData<string, string> HostileComments => new()
    {
        { """{"author": "\u200b", "body": "text"}""", "author" },
        { """{"author": "\ufeff\u200b", "body": "text"}""", "author" },
        { """{"author": "\u3164", "body": "text"}""", "author" },
        { """{"author": "\u202eadmin", "body": "text"}""", "author" },
        { """{"author": "Ada\u0000", "body": "text"}""", "author" },
        { """{"author": "Ada", "body": "before\u0000after"}""", "body" },
        { """{"author": "Ada", "body": "bell \u0007"}""", "body" },
        { """{"author": "Ada", "body": "half \ud800 a pair"}""", "body" },
        { """{"author": "Ada\udc00", "body": "text"}""", "author" },
    };

    [Theory]
    [MemberData(nameof(HostileComments))]
    public async Task Control_characters_and_invisible_names_are_refused_naming_the_field(string json, string field)
    {
        var before = await comments.CommentRowsAsync();
        var response = await client.PostAsync(CommentSite.CommentsPath, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task The_comment_form_refuses_an_invisible_name_too()
    {
        var browser = comments.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = client.BaseAddress! });
        var token = await Site.EditorSite.AntiforgeryTokenAsync(browser, CommentSite.VideoPath + "/comment");
        var before = await comments.CommentRowsAsync();
        var response = await browser.PostAsync(CommentSite.VideoPath + "/comment", new FormUrlEncodedContent(
            [KeyValuePair.Create("author", "\u200b\u3164"), KeyValuePair.Create("body", "hi"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("visible character", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task An_oversized_comment_body_is_refused_before_it_is_read()
    {
        var before = await comments.CommentRowsAsync();
        var address = comments.Site.CreateClient().BaseAddress!;
        // A 10 MB junk field, sent raw so the answer can be seen to come before the body is sent.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", address.Port);
        var stream = tcp.GetStream();
        const int length = 10 * 1024 * 1024;
        var head = $"POST {CommentSite.CommentsPath} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"author\":\"Ada\",\"body\":\"x\",\"junk\":\""));
        var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.StartsWith("HTTP/1.1 413", status);
        Assert.Equal(before, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_problem_details()
    {
        var real = comments.Site.CreateClient();
        var json = "{\"author\":\"Ada\",\"body\":\"x\",\"junk\":\"" + new string('j', 2 * 1024 * 1024) + "\"}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, CommentSite.CommentsPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await real.SendAsync(request);
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Author_names_render_isolated_so_right_to_left_text_cannot_reorder_the_page()
    {
        var posted = await (await client.PostCommentAsync(new { author = "דנה (RTL)", body = "שלום at 0:45" }))
            .JsonAsync(HttpStatusCode.Accepted);
        var id = posted.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await comments.Editor().PostAsync($"/api/manage/comments/{id}/approve", null)).StatusCode);

        var page = await client.GetStringAsync(CommentSite.VideoPath);
        var article = page[page.IndexOf($"id=\"comment-{id}\"", StringComparison.Ordinal)..];
        Assert.Matches("^[^<]*>\\s*<header>\\s*<strong class=\"comment-author\"><bdi>[^<]+</bdi></strong>", article);
        Assert.Contains("<div class=\"comment-body\" dir=\"auto\">", article);
    }
}
