using System.Net;
using System.Text;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Api;

/// <summary>
/// Walks every operation of <c>/openapi/v1.json</c> with valid and generated invalid input and holds each answer to
/// the document: no 5xx, a status the operation lists, and a JSON body that fits the schema listed for it.
/// </summary>
public sealed class OpenApiWalkTests(EditorSite editors) : IClassFixture<EditorSite>
{
    private const string SeedVideo = "sciatica-myofascial-release";
    private const string SeedTechnique = "pin-and-stretch-external-hip-rotators";

    [Fact]
    public async Task Every_operation_answers_as_the_document_says_to_valid_and_invalid_input()
    {
        var document = JsonDocument.Parse(await editors.Site.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var checker = new SchemaChecker(document, Examples);
        var problems = new List<string>();
        var requests = 0;
        // Reads first, deletes last, so the walk still finds the seed content for most operations.
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(method => (Path: path.Name, Method: method.Name.ToUpperInvariant(), Operation: method.Value)))
            .OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 })
            .ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the document");

        foreach (var (path, method, operation) in operations)
        {
            foreach (var (label, request) in Requests(path, method, operation, checker))
            {
                requests++;
                var response = await editors.Site.CreateClient().SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var where = $"{method} {request.RequestUri} ({label}) → {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500) { problems.Add($"{where}: server error {body}"); continue; }
                if (!operation.GetProperty("responses").TryGetProperty(((int)response.StatusCode).ToString(), out var documented))
                {
                    problems.Add($"{where}: status not in the document");
                    continue;
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (body.Length == 0 || mediaType is null || !mediaType.Contains("json")) continue;
                if (!documented.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media)
                    || !media.TryGetProperty("schema", out var schema))
                {
                    problems.Add($"{where}: {mediaType} body not in the document");
                    continue;
                }
                foreach (var error in checker.Check(JsonDocument.Parse(body).RootElement, schema)) problems.Add($"{where}: {error}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} of {requests} answers differ from the document:\n" + string.Join("\n", problems));
    }

    /// <summary>Values that make a sample body acceptable, so the walk reaches the success answers too.</summary>
    private static readonly Dictionary<string, Func<System.Text.Json.Nodes.JsonNode?>> Examples = new()
    {
        ["slug"] = () => null,
        ["source"] = () => "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ["duration"] = () => 600,
        ["description"] = () => "0:00 Welcome\n1:00 Finding the muscle\n2:30 Pin and stretch",
        ["muscles"] = () => new System.Text.Json.Nodes.JsonArray("piriformis"),
        ["regions"] = () => new System.Text.Json.Nodes.JsonArray("hip"),
        ["techniques"] = () => new System.Text.Json.Nodes.JsonArray(SeedTechnique),
        ["index"] = () => 0,
        ["at"] = () => 10,
        ["parentId"] = () => null,
        ["website"] = () => null,
    };

    [Fact]
    public async Task The_document_names_the_editor_API_security_schemes()
    {
        var document = JsonDocument.Parse(await editors.Site.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("cookie", schemes.GetProperty("BackofficeCookie").GetProperty("in").GetString());
        var delete = document.GetProperty("paths").GetProperty("/api/manage/videos/{slug}").GetProperty("delete");
        Assert.Equal(2, delete.GetProperty("security").GetArrayLength());
        Assert.True(delete.GetProperty("responses").TryGetProperty("204", out _));
        Assert.False(delete.GetProperty("responses").TryGetProperty("200", out _));
    }

    /// <summary>The requests one operation is tried with: as meant, at an unknown address, without the key, and with broken bodies.</summary>
    private IEnumerable<(string Label, HttpRequestMessage Request)> Requests(string path, string method, JsonElement operation, SchemaChecker checker)
    {
        var editorOnly = path.StartsWith("/api/manage");
        var hasBody = operation.TryGetProperty("requestBody", out var requestBody);
        JsonElement? bodySchema = hasBody && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
        var valid = bodySchema is { } s ? checker.Sample(s).ToJsonString() : null;

        yield return ("valid", Request(method, Address(path, known: true), valid, editorOnly));
        if (path.Contains('{')) yield return ("unknown item", Request(method, Address(path, known: false), valid, editorOnly));
        if (editorOnly) yield return ("no key", Request(method, Address(path, known: true), valid, withKey: false));
        if (operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"))
        {
            var junk = string.Join("&", parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => $"{p.GetProperty("name").GetString()}=%00-1x"));
            yield return ("junk query", Request(method, Address(path, known: true) + "?" + junk, valid, editorOnly));
        }
        if (!hasBody) yield break;
        yield return ("malformed JSON", Request(method, Address(path, known: true), "{\"oops\": ", editorOnly));
        yield return ("wrong shape", Request(method, Address(path, known: true), valid?.TrimStart().StartsWith('[') == true ? "{}" : "[1, 2]", editorOnly));
        yield return ("wrong types", Request(method, Address(path, known: true), valid is null ? "42" : WrongTypes(valid), editorOnly));
        yield return ("control characters", Request(method, Address(path, known: true), valid?.Replace("Sample text", "Sample\\u0000text\\ud800"), editorOnly));
        var plain = Request(method, Address(path, known: true), null, editorOnly);
        plain.Content = new StringContent("title=x", Encoding.UTF8, "text/plain");
        yield return ("text/plain body", plain);
    }

    private static string WrongTypes(string valid)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(valid);
        if (node is System.Text.Json.Nodes.JsonObject obj)
            foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = obj[key] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out _) ? 12 : "twelve";
        else if (node is System.Text.Json.Nodes.JsonArray array) return "[{\"index\": \"zero\"}, 7]";
        return node!.ToJsonString();
    }

    private static string Address(string path, bool known) => System.Text.RegularExpressions.Regex.Replace(path, "{([^}:]+)[^}]*}", m =>
        (m.Groups[1].Value, known) switch
        {
            ("slug", true) when path.Contains("/techniques/") => SeedTechnique,
            ("slug", true) => SeedVideo,
            ("slug", false) => "no-such-item",
            ("id", _) when path.Contains("/versions/") => known ? "1" : "999999",
            ("id", _) => Guid.NewGuid().ToString(),
            ("index", _) => known ? "0" : "99",
            ("lang", _) => known ? "en" : "zz",
            (_, _) => known ? "x" : "no-such-thing",
        });

    private static HttpRequestMessage Request(string method, string address, string? json, bool withKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), address);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (withKey) request.Headers.Add("Api-Key", EditorSite.ApiKey);
        return request;
    }
}
