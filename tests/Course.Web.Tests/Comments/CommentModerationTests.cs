using System.Net;
using System.Text.Json;

namespace Course.Web.Tests.Comments;

/// <summary>Editors moderate through <c>/api/manage/comments</c>; visitors see only what they approved.</summary>
public sealed class CommentModerationTests(ModeratedCommentSite comments) : IClassFixture<ModeratedCommentSite>
{
    private const string Manage = "/api/manage/comments";
    private readonly HttpClient visitor = comments.Site.CreateClient();
    private readonly HttpClient editor = comments.Editor();

    private async Task<Guid> PostAsync(object comment) =>
        (await (await visitor.PostCommentAsync(comment)).JsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid();

    private async Task<JsonElement> VisibleAsync() => await (await visitor.GetAsync(CommentSite.CommentsPath)).JsonAsync(HttpStatusCode.OK);

    private async Task<List<JsonElement>> QueueAsync(string? state = null) =>
        (await (await editor.GetAsync(state is null ? Manage : $"{Manage}?state={state}")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();

    private static JsonElement? Find(JsonElement list, Guid id) =>
        list.GetProperty("comments").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(c => c!.Value.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task A_comment_goes_from_pending_to_approved_to_rejected_to_deleted()
    {
        var id = await PostAsync(new { author = "Ada", body = "The pin at 18:30 *works*", at = 1110 });

        var pending = Assert.Single(await QueueAsync(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("pending", pending.GetProperty("state").GetString());
        Assert.Equal("sciatica-myofascial-release", pending.GetProperty("videoSlug").GetString());
        Assert.Null(Find(await VisibleAsync(), id));

        var approved = await (await editor.PostAsync($"{Manage}/{id}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("state").GetString());
        Assert.DoesNotContain(await QueueAsync(), c => c.GetProperty("id").GetGuid() == id);
        var shown = Find(await VisibleAsync(), id)!.Value;
        Assert.Equal(1110, shown.GetProperty("at").GetInt32());
        Assert.Equal(16, shown.GetProperty("chapter").GetProperty("index").GetInt32());
        Assert.Contains("data-seek=\"1110\"", shown.GetProperty("html").GetString());
        Assert.Contains("<em>works</em>", shown.GetProperty("html").GetString());

        var rejected = await (await editor.PostAsync($"{Manage}/{id}/reject", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.GetProperty("state").GetString());
        Assert.Null(Find(await VisibleAsync(), id));
        Assert.Contains(await QueueAsync("rejected"), c => c.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"{Manage}/{id}")).StatusCode);
        Assert.Contains(await QueueAsync("deleted"), c => c.GetProperty("id").GetGuid() == id);
        await (await editor.PostAsync($"{Manage}/{id}/approve", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.DeleteAsync($"{Manage}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replies_show_under_their_comment_and_leave_with_it()
    {
        var parent = await PostAsync(new { author = "Ada", body = "Question about 5:10", at = 310 });
        var early = await visitor.PostCommentAsync(new { author = "Bo", body = "Too early", parentId = parent });
        Assert.Equal(["parentId"], (await early.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        await (await editor.PostAsync($"{Manage}/{parent}/approve", null)).JsonAsync(HttpStatusCode.OK);
        var reply = await PostAsync(new { author = "Bo", body = "Answer: see 5:25", parentId = parent });
        await (await editor.PostAsync($"{Manage}/{reply}/approve", null)).JsonAsync(HttpStatusCode.OK);

        var thread = Find(await VisibleAsync(), parent)!.Value;
        var shownReply = Assert.Single(thread.GetProperty("replies").EnumerateArray());
        Assert.Equal(reply, shownReply.GetProperty("id").GetGuid());
        Assert.Contains("data-seek=\"325\"", shownReply.GetProperty("html").GetString());
        Assert.Null(Find(await VisibleAsync(), reply));

        var nested = await visitor.PostCommentAsync(new { author = "Cy", body = "Deeper", parentId = reply });
        Assert.Equal(["parentId"], (await nested.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        await (await editor.PostAsync($"{Manage}/{parent}/reject", null)).JsonAsync(HttpStatusCode.OK);
        var visible = await VisibleAsync();
        Assert.Null(Find(visible, parent));
        Assert.DoesNotContain(visible.GetProperty("comments").EnumerateArray().SelectMany(c => c.GetProperty("replies").EnumerateArray()),
            r => r.GetProperty("id").GetGuid() == reply);
    }

    [Fact]
    public async Task Moderation_needs_the_editor_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(Manage)).StatusCode);
        var id = await PostAsync(new { author = "Ada", body = "Approve me yourself" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.PostAsync($"{Manage}/{id}/approve", null)).StatusCode);
        Assert.Contains(await QueueAsync("pending"), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Unknown_states_and_comments_are_problems()
    {
        var problem = await (await editor.GetAsync($"{Manage}?state=spam")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["state"], problem.ErrorFields());
        await (await editor.GetAsync($"{Manage}?state=1")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await editor.PostAsync($"{Manage}/{Guid.NewGuid()}/approve", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.PostAsync($"{Manage}/{Guid.NewGuid()}/reject", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await editor.DeleteAsync($"{Manage}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_moderation_list_is_paged_with_items_total_page_and_page_size()
    {
        for (var i = 0; i < 7; i++) await PostAsync(new { author = "Pager", body = $"Queued {i}" });
        var all = await (await editor.GetAsync($"{Manage}?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 7);

        var second = await (await editor.GetAsync($"{Manage}?state=pending&page=2&pageSize=3")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(3, second.GetProperty("pageSize").GetInt32());
        Assert.Equal(
            all.GetProperty("items").EnumerateArray().Skip(3).Take(3).Select(c => c.GetProperty("id").GetGuid()),
            second.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        var bad = await (await editor.GetAsync($"{Manage}?page=0&pageSize=201")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize"], bad.ErrorFields().Order());
    }
}
