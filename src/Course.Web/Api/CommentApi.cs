using System.Text.Json;
using Course.Core.Comments;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Data.Content;
using Course.Web.Api.Manage;
using Course.Rendering;
using Course.Web.Security;
using Course.Web.Composition;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Api;

/// <summary><c>/api/videos/{slug}/comments</c>: read the visible discussion of a published video, or post to it.</summary>
public static class CommentApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// The largest body a comment can need, by the API or the form: every character of the longest name and
    /// text escaped at its widest (<c>\uXXXX</c> in JSON, three percent-encoded bytes in a form), plus room for
    /// the other fields. Anything bigger is refused with 413 before it is read.
    /// </summary>
    public const long MaxRequestBytes = (CommentRules.MaxAuthorLength + CommentRules.MaxBodyLength) * 9 + 8 * 1024;

    public static IEndpointRouteBuilder MapCommentApi(this IEndpointRouteBuilder endpoints)
    {
        var comments = endpoints.MapGroup("/api/videos/{slug}/comments").WithTags("Comments");
        comments.MapGet("/", ListAsync).CacheOutput(CachePolicies.Content).WithName("ListComments");
        comments.MapPost("/", PostAsync)
            .RequireRateLimiting(PostingRateLimits.Comments)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithName("PostComment")
            // Also makes routing answer other content types with 415 before the handler runs.
            .Accepts<CommentInput>("application/json")
            .Produces<PostedCommentResponse>(StatusCodes.Status201Created)
            .Produces<PostedCommentResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<Results<Ok<CommentListResponse>, ProblemHttpResult>> ListAsync(
        string slug, PublishedContentCache cache, CommentService comments, CommentHtml html, CancellationToken ct)
    {
        if (cache.Current.FindVideo(slug) is not { } video) return VideoApi.VideoNotFound(slug);
        var threads = CommentThreads.Of(video, await comments.ListApprovedAsync(video.Key, ct));
        return TypedResults.Ok(new CommentListResponse(
            video.Slug, threads.Sum(t => t.Count), threads.Select(t => CommentResponse.From(t, video, html)).ToList()));
    }

    /// <summary>
    /// 201 when the comment is published at once, 202 when it waits for moderation. The body is read here
    /// rather than bound, so that malformed JSON is answered with the field at fault.
    /// </summary>
    private static async Task<IResult> PostAsync(
        string slug, HttpRequest request, PublishedContentCache cache, CommentService comments, CommentHtml html, CancellationToken ct)
    {
        if (cache.Current.FindVideo(slug) is not { } video) return VideoApi.VideoNotFound(slug);
        // Routing already answered other content types with 415; a body sent without one arrives here.
        if (!request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the comment as JSON",
                detail: "The request's Content-Type must be application/json.");
        var errors = new InputErrors();
        var input = await ReadAsync(request, errors, ct);
        if (input is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The comment was not saved: the body is not a comment.");

        // An empty header is no key, as if absent.
        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } sent ? sent : null;
        var result = await comments.PostAsync(video, input, idempotencyKey, ct);
        return result.ToHttp(comment =>
        {
            var response = PostedCommentResponse.From(comment, video, html);
            var location = ContentUrls.Comment(video, comment);
            return comment.State == CommentState.Approved ? TypedResults.Created(location, response) : TypedResults.Accepted(location, response);
        }, "comment");
    }

    /// <summary>The comment in the body, or null with the JSON path at fault ("at", "parentId"…, or "$" for the whole body).</summary>
    private static async Task<CommentInput?> ReadAsync(HttpRequest request, InputErrors errors, CancellationToken ct)
    {
        try
        {
            var input = await request.ReadFromJsonAsync<CommentInput>(ct);
            if (input is null) errors.Add("$", "The body must be a JSON object: {\"author\": …, \"body\": …}.");
            return input;
        }
        catch (JsonException e)
        {
            JsonBodyErrors.Add(errors, e);
            return null;
        }
    }
}
