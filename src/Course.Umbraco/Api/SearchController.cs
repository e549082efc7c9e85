using Course.Core.Editing;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.Api;

/// <summary>
/// Search over the Umbraco site's techniques, videos and chapters, with the Course site's parameters, rules and
/// answer (typos, synonyms, facets; a chapter hit's url starts the video at its second).
/// </summary>
[ApiController]
[Route("api/search")]
public sealed class SearchController(ICourseSearchIndex index, PublishedCourse course) : ControllerBase
{
    /// <summary>q is cut at 200 characters; type, muscle and region filter; page 1–1000, pageSize 1–50.</summary>
    [HttpGet]
    [ProducesResponseType<SearchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<SearchResponse> Search([FromQuery] SearchParameters parameters)
    {
        var errors = new InputErrors();
        if (SearchInputRules.Check(parameters.ToInput(), index.Schema, errors) is not { } request)
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()) { Title = "The search was not run: fix the parameters listed." });
        return SearchResponse.From(index.Search(request), course.Current);
    }

    /// <summary>Titles and tags that complete what has been typed.</summary>
    [HttpGet("suggest")]
    public SuggestResponse Suggest(string? q)
    {
        var typed = SearchInputRules.Cut(q ?? "");
        return new SuggestResponse(typed.Trim(), index.Suggest(typed).Select(SuggestionResponse.From).ToList());
    }
}

/// <summary>The query string of a search; paging arrives as text so a bad value is reported by name.</summary>
public sealed class SearchParameters
{
    public string? Q { get; set; }
    public string[]? Type { get; set; }
    public string[]? Muscle { get; set; }
    public string[]? Region { get; set; }
    public string? Page { get; set; }
    public string? PageSize { get; set; }

    public SearchInput ToInput() => CourseSearchInput.From(Q, Type, Muscle, Region, Page, PageSize);
}
