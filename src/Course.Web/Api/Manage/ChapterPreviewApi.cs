using Course.Core.Chapters;
using Course.Core.Editing;

namespace Course.Web.Api.Manage;

internal static class ChapterPreviewApi
{
    public static void MapChapterPreview(this RouteGroupBuilder manage) =>
        manage.MapPost("/chapters/preview", IResult (ChapterPreviewRequest request) =>
        {
            var description = request.Description ?? "";
            if (description.Length > VideoInputRules.MaxDescriptionLength)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["description"] = [$"A description has at most {VideoInputRules.MaxDescriptionLength} characters."],
                });
            var duration = request.Duration is >= 1 and <= VideoInputRules.MaxDuration ? request.Duration : null;
            return TypedResults.Ok(ChapterPreviewResponse.From(TableOfContentsParser.Parse(description, duration), duration));
        })
        .WithTags("Manage videos")
        .Produces<ChapterPreviewResponse>()
        .ProducesValidationProblem();
}
