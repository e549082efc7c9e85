using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Course.Web.Commands;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Site;

/// <summary>
/// A site of its own for tests that change content or sign in: an API key, a first administrator
/// and a temporary media folder configured. Used as a class fixture.
/// </summary>
public sealed partial class EditorSite : IDisposable
{
    public const string ApiKey = "test-editor-key-5f3a";
    public const string Email = "editor@example.com";
    public const string Password = "Correct-horse-battery-9";

    public CourseSite Site { get; } = new();
    public string MediaFolder => Path.Combine(Site.Folder, "media");

    public EditorSite()
    {
        Site.Settings["Course:ManagementApiKey"] = ApiKey;
        Site.Settings["Course:Admin:Email"] = Email;
        Site.Settings["Course:Admin:Password"] = Password;
        Site.Settings["Course:Media:Folder"] = MediaFolder;
        Site.Settings["Course:Media:MaxUploadBytes"] = MaxUploadBytes.ToString();
    }

    /// <summary>Small, so a test can go over it; the seed's placeholder video (487 KB) fits.</summary>
    public const long MaxUploadBytes = 600_000;

    public void Dispose() => Site.Dispose();

    /// <summary>A client of the editor API, sending the key.</summary>
    public HttpClient Api()
    {
        var client = Site.CreateClient();
        client.DefaultRequestHeaders.Add("Api-Key", ApiKey);
        return client;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() => Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the sign-in form; the response is the form's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email = Email, string password = Password) =>
        await PostFormAsync(browser, "/backoffice/login", "/backoffice/login", new() { ["Email"] = email, ["Password"] = password });

    public async Task<HttpClient> SignedInAsync()
    {
        var browser = Browser();
        var response = await SignInAsync(browser);
        Assert.Equal("/backoffice", response.Headers.Location?.OriginalString);
        return browser;
    }

    /// <summary>Posts a form the way a browser does: the antiforgery token read from the page at <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, page);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{page} has no antiforgery token.");
    }

    /// <summary>Posts a multipart form (the video form, which takes uploads) with the antiforgery token read from <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient browser, string page, string action, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(await AntiforgeryTokenAsync(browser, page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var upload in files) form.Add(new ByteArrayContent(upload.Bytes), upload.Field, upload.FileName);
        return await browser.PostAsync(action, form);
    }

    /// <summary>Creates a video through the API and returns its slug.</summary>
    public async Task<string> CreateVideoAsync(string title, string description, int duration = 600)
    {
        var response = await Api().PostAsJsonAsync("/api/manage/videos", new
        {
            title,
            source = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            duration,
            description,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("slug").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public static class SiteCommandRuns
{
    /// <summary>Runs a command of the site (as <c>dotnet run -- ARGS</c> would, against the started site's database); returns its exit code.</summary>
    public static async Task<int> RunCommandAsync(this CourseSite site, TextWriter output, params string[] args)
    {
        site.CreateClient().Dispose(); // starts the site: the database is ready
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().RunAsync(CommandLine.Parse(args)!, output);
    }

    public static Task<int> RunCommandAsync(this CourseSite site, params string[] args) => site.RunCommandAsync(TextWriter.Null, args);
}
