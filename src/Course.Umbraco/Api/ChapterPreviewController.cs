using Course.Core.Chapters;
using Course.Core.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Course.Umbraco.Api;

/// <summary>
/// The chapters property editor's live preview: Course.Core's parser answers, so the backoffice element and the
/// server's validation apply one set of rules.
/// </summary>
[ApiController]
[Authorize(Policy = CoursePolicies.Editors)]
[Route("umbraco/course/api/chapters")]
public sealed class ChapterPreviewController : ControllerBase
{
    /// <summary>The chapters a description gives and every problem at its line; nothing is saved.</summary>
    [HttpPost("preview")]
    [ProducesResponseType<ChapterPreviewResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<ChapterPreviewResponse> Preview(ChapterPreviewRequest request)
    {
        var description = request.Description ?? "";
        if (description.Length > VideoInputRules.MaxDescriptionLength)
        {
            ModelState.AddModelError("description", $"A description has at most {VideoInputRules.MaxDescriptionLength} characters.");
            return ValidationProblem(ModelState);
        }
        var duration = request.Duration is >= 1 and <= VideoInputRules.MaxDuration ? request.Duration : null;
        return ChapterPreviewResponse.From(TableOfContentsParser.Parse(description, duration), duration);
    }
}
