using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Course.Web.Tests.Comments;

/// <summary>Many clients posting at once over real HTTP (Kestrel on loopback) into the SQLite file.</summary>
public sealed class CommentConcurrencyTests(LoopbackCommentSite comments) : IClassFixture<LoopbackCommentSite>
{
    private const int Clients = 50;
    private const int CommentsPerClient = 40;

    [Fact]
    public async Task Two_thousand_comments_from_fifty_parallel_clients_are_all_stored_without_a_server_error()
    {
        var before = await comments.CommentRowsAsync();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = comments.Site.CreateClient();
            for (var i = 0; i < CommentsPerClient; i++)
            {
                var response = await http.PostCommentAsync(new { author = $"Client {client}", body = $"Comment {i} of client {client}", at = i });
                statuses.Add(response.StatusCode);
            }
        })));

        Assert.Equal(Clients * CommentsPerClient, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(before + Clients * CommentsPerClient, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task Parallel_retries_with_one_idempotency_key_store_one_comment()
    {
        var before = await comments.CommentRowsAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var http = comments.Site.CreateClient();
            return await (await http.PostCommentAsync(new { author = "Ada", body = "Retried in parallel" }, key)).JsonAsync(HttpStatusCode.Accepted);
        })));

        Assert.Single(answers.Select(a => a.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(before + 1, await comments.CommentRowsAsync());
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_so_readers_go_on_while_a_comment_is_written()
    {
        await comments.CommentRowsAsync();
        await using var connection = new SqliteConnection($"Data Source={comments.Site.DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
