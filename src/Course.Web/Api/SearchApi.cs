using Course.Core.Editing;
using Course.Data.Content;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Web.Composition;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Web.Api;

/// <summary><c>/api/search</c> and <c>/api/search/suggest</c>.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var search = endpoints.MapGroup("/api/search").WithTags("Search").CacheOutput(SearchCachePolicies.Search);
        // Paging arrives as text so that a bad value is reported by name rather than failing binding.
        search.MapGet("/", Results<Ok<SearchResponse>, ValidationProblem> (
                string? q, string[]? type, string[]? muscle, string[]? region, string? page, string? pageSize,
                CourseSearcher searcher, PublishedContentCache cache) =>
            {
                var errors = new InputErrors();
                var request = SearchInputRules.Check(CourseSearchInput.From(q, type, muscle, region, page, pageSize), searcher.Schema, errors);
                if (request is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search was not run: fix the parameters listed.");
                return TypedResults.Ok(SearchResponse.From(TranscriptHits.Locate(searcher.Search(request)), cache.Current));
            })
            .WithName("Search")
            .WithDescription($"Techniques, chapters, videos, comments and transcript passages (a transcript hit's url starts the video where its words are said). q is cut at {SearchLimits.MaxQueryLength} characters; pageSize 1–{SearchLimits.MaxPageSize}; page 1–{SearchLimits.MaxPage}.");
        search.MapGet("/suggest", (string? q, CourseSearcher searcher) =>
            {
                var typed = SearchInputRules.Cut(q ?? "");
                return TypedResults.Ok(new SuggestResponse(typed.Trim(), searcher.Suggest(typed).Select(SuggestionResponse.From).ToList()));
            })
            .WithName("Suggest");
        return endpoints;
    }
}
