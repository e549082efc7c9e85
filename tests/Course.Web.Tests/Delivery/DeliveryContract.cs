using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Course.Web.Tests.Delivery;

/// <summary>
/// Umbraco's expected Delivery API contract (<c>Contract/default.json</c>, source in <c>Contract/SOURCE.md</c>)
/// and a client that checks every answer against it: the response schema the contract gives the
/// operation and status, or Umbraco's <c>ProblemDetails</c> for an error the contract leaves without one.
/// </summary>
public static partial class DeliveryContract
{
    public const string Content = "/umbraco/delivery/api/v2/content";

    private static readonly Uri BaseUri = new("https://github.com/umbraco/Umbraco-CMS/expected-contracts/default.json");

    public static JsonDocument Document { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Delivery", "Contract", "default.json")));

    private static readonly BuildOptions Build = CreateBuildOptions();

    private static BuildOptions CreateBuildOptions()
    {
        var registry = new SchemaRegistry();
        registry.Register(new JsonElementBaseDocument(Document.RootElement, BaseUri));
        return new BuildOptions { SchemaRegistry = registry };
    }

    /// <summary>A schema of the contract by JSON pointer into the document, e.g. <c>/components/schemas/ProblemDetails</c>.</summary>
    public static JsonSchema Schema(string pointer) =>
        JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{BaseUri}}#{{pointer}}"}""", Build);

    /// <summary>What is wrong with <paramref name="body"/> under <paramref name="schema"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement body)
    {
        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    /// <summary>The contract's path template for a request path.</summary>
    public static string Template(string path) => path switch
    {
        Content or Content + "/" => Content,
        Content + "/items" => Content + "/items",
        _ when ItemById().IsMatch(path) => Content + "/item/{id}",
        _ when path.StartsWith(Content + "/item", StringComparison.Ordinal) => Content + "/item/{path}",
        _ => throw new ArgumentException($"{path} is not a content delivery route", nameof(path)),
    };

    /// <summary>The pointer of the response schema the contract gives; null when it gives none for that status.</summary>
    public static string? ResponsePointer(string template, HttpStatusCode status)
    {
        var responses = Document.RootElement.GetProperty("paths").GetProperty(template).GetProperty("get").GetProperty("responses");
        var code = ((int)status).ToString();
        return responses.TryGetProperty(code, out var response) && response.TryGetProperty("content", out _)
            ? $"/paths/{template.Replace("~", "~0").Replace("/", "~1")}/get/responses/{code}/content/application~1json/schema"
            : null;
    }

    /// <summary>GETs a delivery route and asserts that the answer has the expected status and validates against the contract.</summary>
    public static async Task<JsonElement> GetDeliveryAsync(
        this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var pointer = ResponsePointer(Template(request.RequestUri!.AbsolutePath), response.StatusCode)
            ?? (response.StatusCode >= HttpStatusCode.BadRequest ? "/components/schemas/ProblemDetails" : null);
        Assert.NotNull(pointer);
        var problems = Problems(Schema(pointer), body);
        Assert.True(problems.Count == 0, $"GET {url} breaks Umbraco's contract at {pointer}:\n{string.Join("\n", problems)}\n{text}");
        if (response.StatusCode >= HttpStatusCode.BadRequest)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    [GeneratedRegex(@"^/umbraco/delivery/api/v2/content/item/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex ItemById();
}
