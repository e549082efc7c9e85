using Course.Data.Content;
using Course.Web.Composition;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Web.Api;

/// <summary><c>/api/techniques</c>: published techniques with the chapters that show them, from the published cache.</summary>
public static class TechniqueApi
{
    public static IEndpointRouteBuilder MapTechniqueApi(this IEndpointRouteBuilder endpoints)
    {
        var techniques = endpoints.MapGroup("/api/techniques").WithTags("Techniques").CacheOutput(CachePolicies.Content);
        techniques.MapGet("/", (PublishedContentCache cache) =>
            cache.Current.Techniques.Select(t => TechniqueResponse.From(t, cache.Current)).ToList())
            .WithName("ListTechniques");
        techniques.MapGet("/{slug}", Results<Ok<TechniqueResponse>, ProblemHttpResult> (string slug, PublishedContentCache cache) =>
            cache.Current.FindTechnique(slug) is { } technique
                ? TypedResults.Ok(TechniqueResponse.From(technique, cache.Current))
                : TypedResults.Problem(statusCode: 404, title: "Technique not found", detail: $"No published technique has the slug '{slug}'."))
            .WithName("GetTechnique");
        return endpoints;
    }
}
