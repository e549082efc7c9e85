using Course.Core.Chapters;
using Course.Core.Content;

namespace Course.Core.Editing;

/// <summary>The checked fields of a video input, ready to be stored.</summary>
public sealed record VideoFields(string Title, string Slug, string Source, int? Duration, string Description, TableOfContents TableOfContents);

/// <summary>Checks an editor's video input field by field; every problem is reported, not just the first.</summary>
public static class VideoInputRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSourceLength = 2000;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxDuration = 24 * 3600;

    public static VideoFields? Check(VideoInput input, InputErrors errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add("title", "A title is required.");
        else if (title.Length > MaxTitleLength) errors.Add("title", $"A title has at most {MaxTitleLength} characters.");
        else TextRules.Check(title, "title", TextShape.Line, errors);

        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(title) : input.Slug.Trim();
        if (!Slug.IsValid(slug))
            errors.Add("slug", string.IsNullOrWhiteSpace(input.Slug)
                ? "No slug can be made from the title; give one."
                : $"'{slug}' is not a slug: use lower-case letters, digits and single dashes, at most {Slug.MaxLength} characters.");

        var source = input.Source?.Trim() ?? "";
        if (source.Length == 0) errors.Add("source", "A source is required: a YouTube or Vimeo address, or a video file's address.");
        else if (TextRules.Check(source, "source", TextShape.Line, errors)
                 && (source.Length > MaxSourceLength || !VideoSource.TryParse(source, out _)))
            errors.Add("source", $"'{Shorten(source)}' is not a YouTube or Vimeo address nor a .webm, .mp4 or .ogv file.");

        if (input.Duration is < 1 or > MaxDuration)
            errors.Add("duration", $"A duration is a whole number of seconds from 1 to {MaxDuration}.");

        var description = input.Description ?? "";
        TableOfContents? toc = null;
        if (description.Length > MaxDescriptionLength)
            errors.Add("description", $"A description has at most {MaxDescriptionLength} characters.");
        else if (TextRules.Check(description, "description", TextShape.Lines, errors))
        {
            toc = TableOfContentsParser.Parse(description, input.Duration is >= 1 and <= MaxDuration ? input.Duration : null);
            foreach (var problem in toc.Errors) errors.Add("description", problem.ToString());
        }
        return errors.Any ? null : new VideoFields(title, slug, source, input.Duration, description, toc!);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
