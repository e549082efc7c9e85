using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Course.Data.Storage;
using Course.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Comments;

/// <summary>A site of its own for tests that post comments, so their row counts are theirs alone.</summary>
public abstract class CommentSite : IDisposable
{
    public const string ApiKey = "comment-tests-key";
    public const string VideoSlug = "sciatica-myofascial-release";
    public const string VideoPath = "/videos/" + VideoSlug;
    public const string CommentsPath = "/api/videos/" + VideoSlug + "/comments";

    protected CommentSite(bool autoApprove, int permitsPerMinute)
    {
        Site.Settings["Course:ManagementApiKey"] = ApiKey;
        Site.Settings["Course:Comments:AutoApprove"] = autoApprove ? "true" : "false";
        Site.Settings["Course:Comments:PermitsPerMinute"] = permitsPerMinute.ToString();
    }

    public CourseSite Site { get; } = new();

    public HttpClient Editor()
    {
        var client = Site.CreateClient();
        client.DefaultRequestHeaders.Add("Api-Key", ApiKey);
        return client;
    }

    public async Task<int> CommentRowsAsync()
    {
        await using var db = await Site.Services.GetRequiredService<IDbContextFactory<CourseDbContext>>().CreateDbContextAsync();
        return await db.Comments.CountAsync();
    }

    public void Dispose() => Site.Dispose();
}

/// <summary>New comments wait for moderation; the rate limit is out of the way.</summary>
public sealed class ModeratedCommentSite() : CommentSite(autoApprove: false, permitsPerMinute: 100_000);

/// <summary>Like <see cref="ModeratedCommentSite"/>, served by Kestrel on a loopback port so clients speak real HTTP.</summary>
public sealed class LoopbackCommentSite : CommentSite
{
    public LoopbackCommentSite() : base(autoApprove: false, permitsPerMinute: 100_000)
    {
        Site.UseKestrel(0);
        Site.StartServer();
    }
}

/// <summary>New comments are published at once; three per client per minute.</summary>
public sealed class LimitedCommentSite() : CommentSite(autoApprove: true, permitsPerMinute: 3);

internal static class CommentHttp
{
    public static Task<HttpResponseMessage> PostCommentAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CommentSite.CommentsPath) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The RFC 9457 body of an error answer, after checking its status and media type.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.JsonAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
