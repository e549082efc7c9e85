using System.Net;
using System.Text.Json;
using Course.Data.Content;
using Course.Web.Comments;
using Course.Web.Tests.Comments;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Search;

/// <summary>Approved comments are searchable at once, land on their second, and leave when rejected or with their video.</summary>
public sealed class SearchCommentTests(ModeratedCommentSite comments) : IClassFixture<ModeratedCommentSite>
{
    private const string Manage = "/api/manage/comments";
    private readonly HttpClient visitor = comments.Site.CreateClient();
    private readonly HttpClient editor = comments.Editor();

    private async Task<Guid> PostAsync(object comment) =>
        (await (await visitor.PostCommentAsync(comment)).JsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid();

    private async Task Moderate(Guid id, string action) =>
        await (await editor.PostAsync($"{Manage}/{id}/{action}", null)).JsonAsync(HttpStatusCode.OK);

    private async Task<List<JsonElement>> CommentHits(string q) =>
        (await (await visitor.GetAsync($"/api/search?type=comment&q={Uri.EscapeDataString(q)}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("hits").EnumerateArray().ToList();

    [Fact]
    public async Task Approved_comment_is_found_at_its_second_and_rejected_one_gone()
    {
        var id = await PostAsync(new { author = "Ada", body = "Kinesiology tape over the piriformis afterwards", at = 1110 });
        Assert.Empty(await CommentHits("kinesiology")); // pending

        await Moderate(id, "approve");
        var hit = Assert.Single(await CommentHits("kinesiology tape"));
        Assert.Equal("comment", hit.GetProperty("type").GetString());
        Assert.Equal("/videos/sciatica-myofascial-release?t=1110", hit.GetProperty("url").GetString());
        Assert.Equal(1110, hit.GetProperty("start").GetInt32());
        Assert.Equal("Ada on Sciatica myofascial release techniques", hit.GetProperty("title").GetString());
        Assert.Contains("<mark>Kinesiology</mark>", hit.GetProperty("snippet").GetString());

        await Moderate(id, "reject");
        Assert.Empty(await CommentHits("kinesiology"));
    }

    [Fact]
    public async Task Reply_follows_its_comment_and_comments_follow_their_video()
    {
        var parent = await PostAsync(new { author = "Ada", body = "Does the hamstring tendon matter here?", at = 310 });
        await Moderate(parent, "approve");
        var reply = await PostAsync(new { author = "Bo", body = "Quadriceps tendon first, then hamstring", parentId = parent });
        await Moderate(reply, "approve");
        var replyHit = Assert.Single(await CommentHits("quadriceps"));
        Assert.Equal("/videos/sciatica-myofascial-release#comments", replyHit.GetProperty("url").GetString());

        await Moderate(parent, "reject"); // hides the reply with it
        Assert.Empty(await CommentHits("hamstring tendon"));
        await Moderate(parent, "approve");
        Assert.Equal(2, (await CommentHits("hamstring tendon")).Count);

        var populator = comments.Site.Services.GetServices<Course.Search.Indexing.IIndexPopulator>().OfType<CommentPopulator>().Single();
        var rebuilt = await populator.GetAllValueSetsAsync(CancellationToken.None).Select(v => v.Id).ToListAsync();
        Assert.Contains(parent.ToString("N"), rebuilt);
        Assert.Contains(reply.ToString("N"), rebuilt);

        var video = comments.Site.Services.GetRequiredService<PublishedContentCache>().Current.FindVideo("sciatica-myofascial-release")!;
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/manage/videos/{video.Slug}/unpublish", null)).StatusCode);
        Assert.Empty(await CommentHits("hamstring tendon"));
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/manage/videos/{video.Slug}/publish", null)).StatusCode);
        Assert.Equal(2, (await CommentHits("hamstring tendon")).Count);
    }
}
