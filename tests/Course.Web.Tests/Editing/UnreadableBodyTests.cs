using System.Net;
using System.Text;
using System.Text.Json;
using Course.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Editing;

/// <summary>A body the editor API cannot read is answered with the field and line at fault, and stores nothing.</summary>
public sealed class UnreadableBodyTests(EditorSite editors) : IClassFixture<EditorSite>
{
    [Theory]
    [InlineData("/api/manage/videos", "POST", "{bad json", "$")]
    [InlineData("/api/manage/videos", "POST", "{\"title\":\"T\",\"source\":\"https://youtu.be/dQw4w9WgXcQ\",\n\"duration\":\"abc\"}", "duration")]
    [InlineData("/api/manage/videos", "POST", "[1,2]", "$")]
    [InlineData("/api/manage/techniques", "POST", "{\"name\":\"N\",\"muscles\":\"piriformis\"}", "muscles")]
    [InlineData("/api/manage/videos/sciatica-myofascial-release/chapters/3/techniques", "PUT", "{\"a\":1}", "$")]
    public async Task Malformed_json_names_the_field_and_line(string path, string method, string body, string field)
    {
        var before = await CountAsync();
        var response = await editors.Api().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var message = Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString();
        Assert.Matches(@"\(line \d+, byte \d+\)", message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem_too()
    {
        var response = await editors.Api().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/manage/videos")
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = editors.Site.Services.CreateAsyncScope();
        var databases = scope.ServiceProvider.GetRequiredService<IDbContextFactory<Course.Data.Storage.CourseDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await db.Videos.CountAsync() + await db.Techniques.CountAsync() + await db.ContentVersions.CountAsync();
    }
}
