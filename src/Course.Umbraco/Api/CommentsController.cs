using System.Globalization;
using Course.Core.Comments;
using Course.Core.Content;
using Course.Core.Editing;
using Course.Rendering;
using Course.Umbraco.Comments;
using Course.Umbraco.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Course.Umbraco.Api;

/// <summary>
/// <c>/api/videos/{slug}/comments</c> on the Umbraco site, as on the Course site: the visible discussion, and posting
/// to it with Course.Core's comment rules, sanitised HTML, a per-client rate limit and problem details.
/// </summary>
[ApiController]
[Route("api/videos/{slug}/comments")]
public sealed class CommentsController(
    PublishedCourse course, CommentStore comments, CommentHtml html, CommentPostLimiter limiter, IOptions<CourseUmbracoOptions> options) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<CommentListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<CommentListResponse>> List(string slug, CancellationToken cancellationToken)
    {
        if (course.Current.FindVideo(slug) is not { } video) return VideoNotFound(slug);
        var threads = CommentThreads.Of(video, await comments.ListApprovedAsync(video.Key, cancellationToken));
        return new CommentListResponse(video.Slug, threads.Sum(t => t.Count), threads.Select(t => CommentResponse.From(t, video, html)).ToList());
    }

    /// <summary>201 when published at once, 202 while it waits for moderation; 400 naming each bad field; 429 beyond the rate limit.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<PostedCommentResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<PostedCommentResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Post(string slug, CommentInput input, CancellationToken cancellationToken)
    {
        if (limiter.Refuse(HttpContext) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many comments",
                detail: $"Too many comments from your address: wait {seconds} seconds before trying again.");
        }
        if (course.Current.FindVideo(slug) is not { } video) return VideoNotFound(slug);

        var parent = input.ParentId is Guid parentId ? await comments.FindAsync(parentId, cancellationToken) : null;
        var errors = new InputErrors();
        if (CommentRules.Check(input, video, parent, errors) is not { } fields)
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()) { Title = "The comment was not saved: fix the fields listed." });

        var comment = await comments.AddAsync(video, fields, options.Value.Comments.AutoApprove, cancellationToken);
        var response = PostedCommentResponse.From(comment, video, html);
        var location = ContentUrls.Comment(video, comment);
        return comment.State == CommentState.Approved ? Created(location, response) : Accepted(location, response);
    }

    private ObjectResult VideoNotFound(string slug) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "No such video", detail: $"There is no published video '{slug}'.");
}
