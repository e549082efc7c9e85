using System.Text.Json;
using Course.Core.Editing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api;

/// <summary>Where a JSON body went wrong, in the field names clients send and the line they can find.</summary>
public static class JsonBodyErrors
{
    public static void Add(InputErrors errors, JsonException error)
    {
        var field = error.Path is { Length: > 2 } path && path.StartsWith("$.") ? path[2..] : "$";
        var at = $"line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}";
        errors.Add(field, field == "$"
            ? $"The body is not a JSON object ({at})."
            : $"{field} has the wrong type or is malformed ({at}).");
    }
}

/// <summary>
/// A body an endpoint could not bind (malformed JSON, a value of the wrong type, no body at all) is the
/// client's mistake: 400 problem details naming the field and line, not a bare status or a 500.
/// </summary>
internal sealed class UnreadableBodyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException unreadable) return false;
        var errors = new InputErrors();
        if (unreadable.InnerException is JsonException json) JsonBodyErrors.Add(errors, json);
        else errors.Add("$", unreadable.Message);
        context.Response.StatusCode = unreadable.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ValidationProblemDetails(errors.ToDictionary())
            {
                Status = unreadable.StatusCode,
                Title = "The request body could not be read: fix the fields listed.",
            },
        });
    }
}
