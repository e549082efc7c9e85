using Course.Web.Api.Delivery.Querying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api.Delivery;

/// <summary>
/// Umbraco's Content Delivery API v2 over Course's content, at Umbraco's routes and in its JSON shapes,
/// so that a headless front end written against an Umbraco 17 site reads Course unchanged.
/// </summary>
public static class DeliveryApi
{
    public const string DocumentName = "delivery";
    public const string ContentPath = "/umbraco/delivery/api/v2/content";

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder endpoints)
    {
        var content = endpoints.MapGroup(ContentPath)
            .WithTags("Content")
            .WithGroupName(DocumentName)
            .AddEndpointFilter<DeliveryAccessFilter>()
            .CacheOutput(DeliveryCache.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        content.MapGet("/", GetContent)
            .WithName("GetContent2.0")
            .WithSummary("Gets a paginated list of content item(s) from query.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/item/{id:guid}", GetContentItemById)
            .WithName("GetContentItemById2.0")
            .WithSummary("Gets a content item by id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/item/{**path}", GetContentItemByPath)
            .WithName("GetContentItemByPath2.0")
            .WithSummary("Gets a content item by route.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        content.MapGet("/items", GetContentItems)
            .WithName("GetContentItems2.0")
            .WithSummary("Gets content item(s) by id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public static async Task<Results<Ok<PagedApiContentResponse>, ProblemHttpResult>> GetContent(
        [AsParameters] ContentQueryParameters query, [AsParameters] DeliveryHeaders headers, DeliverySource source, CancellationToken cancellationToken)
    {
        var parsed = ContentQuery.Parse(query.Fetch, query.Filter, query.Sort, query.Skip, query.Take, out var problem);
        if (problem is not null) return BadParameter(problem);
        var (request, refused) = await source.OpenAsync(headers, query.Expand, query.Fields, cancellationToken);
        if (request is null) return refused!;
        var (total, page) = request.Content.Query(parsed!, request.StartItem);
        return TypedResults.Ok(new PagedApiContentResponse(total, page.Select(request.Renderer.Response).ToList()));
    }

    public static async Task<Results<Ok<ApiContentResponse>, ProblemHttpResult>> GetContentItemById(
        Guid id, [AsParameters] OutputParameters output, [AsParameters] DeliveryHeaders headers, DeliverySource source, CancellationToken cancellationToken)
    {
        var (request, refused) = await source.OpenAsync(headers, output.Expand, output.Fields, cancellationToken);
        if (request is null) return refused!;
        return request.Content.Find(id) is { } item
            ? TypedResults.Ok(request.Renderer.Response(item))
            : NotFound($"No content item has the id {id}.");
    }

    public static async Task<Results<Ok<ApiContentResponse>, ProblemHttpResult>> GetContentItemByPath(
        string? path, [AsParameters] OutputParameters output, [AsParameters] DeliveryHeaders headers, DeliverySource source, CancellationToken cancellationToken)
    {
        var (request, refused) = await source.OpenAsync(headers, output.Expand, output.Fields, cancellationToken);
        if (request is null) return refused!;
        var route = Uri.UnescapeDataString(path ?? "");
        return request.Content.FindByPath(route, request.StartItem) is { } item
            ? TypedResults.Ok(request.Renderer.Response(item))
            : NotFound($"No content item has the path \"/{route.TrimStart('/')}\".");
    }

    public static async Task<Results<Ok<List<ApiContentResponse>>, ProblemHttpResult>> GetContentItems(
        [FromQuery(Name = "id")] string[]? ids, [AsParameters] OutputParameters output, [AsParameters] DeliveryHeaders headers,
        DeliverySource source, CancellationToken cancellationToken)
    {
        var keys = new List<Guid>();
        foreach (var id in ids ?? [])
        {
            if (!Guid.TryParse(id, out var key))
                return BadParameter(new QueryProblem("id", "Invalid id", $"\"{id}\" is not a content item id (a GUID)."));
            keys.Add(key);
        }
        var (request, refused) = await source.OpenAsync(headers, output.Expand, output.Fields, cancellationToken);
        if (request is null) return refused!;
        // Ids that name nothing are left out, as Umbraco does.
        return TypedResults.Ok(keys.Distinct().Select(request.Content.Find).OfType<DeliveryItem>().Select(request.Renderer.Response).ToList());
    }

    internal static ProblemHttpResult BadParameter(QueryProblem problem) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: problem.Title, detail: problem.Detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [problem.Parameter] = [problem.Detail] } });

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);
}

/// <summary>The query of <c>GET /content</c>; paging arrives as text so that a bad value is named rather than failing binding.</summary>
public sealed record ContentQueryParameters(
    [FromQuery(Name = "fetch")] string? Fetch,
    [FromQuery(Name = "filter")] string[]? Filter,
    [FromQuery(Name = "sort")] string[]? Sort,
    [FromQuery(Name = "skip")] string? Skip,
    [FromQuery(Name = "take")] string? Take,
    [FromQuery(Name = "expand")] string? Expand,
    [FromQuery(Name = "fields")] string? Fields);

/// <summary><c>expand</c> and <c>fields</c> of the single-item routes.</summary>
public sealed record OutputParameters([FromQuery(Name = "expand")] string? Expand, [FromQuery(Name = "fields")] string? Fields);

/// <summary>The Delivery API's request headers. Course's content is invariant, so a language or segment asked for changes nothing.</summary>
public sealed record DeliveryHeaders(
    [FromHeader(Name = "Accept-Language")] string? AcceptLanguage,
    [FromHeader(Name = "Accept-Segment")] string? AcceptSegment,
    [FromHeader(Name = "Preview")] string? Preview,
    [FromHeader(Name = "Start-Item")] string? StartItem)
{
    public const string ApiKey = "Api-Key";

    /// <summary>Drafts are asked for with <c>Preview: true</c>.</summary>
    public static bool IsPreview(HttpRequest request) => string.Equals(request.Headers["Preview"], "true", StringComparison.OrdinalIgnoreCase);
}
