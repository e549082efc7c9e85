using Course.Data.Content;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api.Manage;

/// <summary>Turns a content service's <see cref="EditResult{T}"/> into HTTP: problem details name the field at fault.</summary>
internal static class EditResults
{
    public static IResult ToHttp<T>(this EditResult<T> result, Func<T, IResult> done, string what) where T : class => result.Outcome switch
    {
        EditOutcome.Done => done(result.Value!),
        EditOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: $"The {what} was not saved: fix the fields listed."),
        EditOutcome.Conflict => TypedResults.Problem(new ValidationProblemDetails(result.Errors.ToDictionary())
        {
            Status = StatusCodes.Status409Conflict,
            Title = result.Errors.ToDictionary().ContainsKey("version")
                ? $"The {what} was not saved: someone else saved it at the same moment."
                : $"The {what} was not saved: it clashes with another.",
        }),
        EditOutcome.Stale => TypedResults.Problem(new ValidationProblemDetails(result.Errors.ToDictionary())
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = $"The {what} was not saved: If-Match does not name its stored version.",
        }),
        _ => NotFound(what),
    };

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");
}
