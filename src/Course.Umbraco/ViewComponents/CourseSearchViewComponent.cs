using Course.Core.Editing;
using Course.Search.Content;
using Course.Search.Querying;
using Course.Umbraco.Content;
using Course.Umbraco.Search;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.ViewComponents;

/// <summary>
/// The search partial, <c>@await Component.InvokeAsync("CourseSearch")</c>: a form (works without script) and the
/// hits for <c>?q=</c>, read from the request like the Course site's search page.
/// </summary>
public sealed class CourseSearchViewComponent(ICourseSearchIndex index, PublishedCourse course) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var query = Request.Query;
        var errors = new InputErrors();
        var request = SearchInputRules.Check(
            CourseSearchInput.From(query["q"], query["type"]!, query["muscle"]!, query["region"]!, query["page"], query["pageSize"]), index.Schema, errors);
        var results = request is { Text.Length: > 0 } ? SearchResponse.From(index.Search(request), course.Current) : null;
        return View(new CourseSearchModel(query["q"].ToString(), results, errors.ToDictionary()));
    }
}

public sealed record CourseSearchModel(string Query, SearchResponse? Results, IDictionary<string, string[]> Errors);
