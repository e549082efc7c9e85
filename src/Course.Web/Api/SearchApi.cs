using Course.Core.Editing;
using Course.Data.Content;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Web.Composition;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api;

/// <summary><c>/api/search</c> and <c>/api/search/suggest</c>: the course index, searched, and completed as it is typed.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapGroup("/api/search").WithTags("Search").CacheOutput(SearchCachePolicies.Search);
        search.MapGet("/", Search)
            .WithName("Search")
            .WithSummary("Searches techniques, chapters, videos, comments and transcript passages.")
            .WithDescription($"A transcript hit's url starts the video where its words are said. q is cut at {SearchLimits.MaxQueryLength} characters; pageSize 1–{SearchLimits.MaxPageSize}; page 1–{SearchLimits.MaxPage}.");
        search.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Completes what has been typed with titles and muscles; a last word one typo off a known word is completed too.");
        return endpoints;
    }

    public static Results<Ok<SearchResponse>, ValidationProblem> Search(
        [AsParameters] SearchParameters parameters, CourseSearcher searcher, PublishedContentCache cache)
    {
        var errors = new InputErrors();
        var input = CourseSearchInput.From(parameters.Q, parameters.Type, parameters.Muscle, parameters.Region, parameters.Page, parameters.PageSize);
        if (SearchInputRules.Check(input, searcher.Schema, errors) is not { } request)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search was not run: fix the parameters listed.");
        return TypedResults.Ok(SearchResponse.From(TranscriptHits.Locate(searcher.Search(request)), cache.Current));
    }

    public static Ok<SuggestResponse> Suggest(string? q, CourseSearcher searcher)
    {
        var typed = SearchInputRules.Cut(q ?? "");
        return TypedResults.Ok(new SuggestResponse(typed.Trim(), searcher.Suggest(typed).Select(SuggestionResponse.From).ToList()));
    }
}

/// <summary>The query string of <c>/api/search</c>. Paging arrives as text so that a bad value is reported by name rather than failing binding.</summary>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "type")] string[]? Type,
    [FromQuery(Name = "muscle")] string[]? Muscle,
    [FromQuery(Name = "region")] string[]? Region,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize);
