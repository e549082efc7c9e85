using Course.Core.Content;

namespace Course.Core.Editing;

/// <summary>The checked fields of a technique input.</summary>
public sealed record TechniqueFields(string Name, string Slug, string Summary, string Body, IReadOnlyList<string> Muscles, IReadOnlyList<string> Regions);

public static class TechniqueInputRules
{
    public const int MaxNameLength = 200;
    public const int MaxSummaryLength = 1000;
    public const int MaxBodyLength = 20_000;
    public const int MaxTags = 30;
    public const int MaxTagLength = 60;

    public static TechniqueFields? Check(TechniqueInput input, InputErrors errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "A name is required.");
        else if (name.Length > MaxNameLength) errors.Add("name", $"A name has at most {MaxNameLength} characters.");
        else TextRules.Check(name, "name", TextShape.Line, errors);

        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(name) : input.Slug.Trim();
        if (!Slug.IsValid(slug))
            errors.Add("slug", $"'{slug}' is not a slug: use lower-case letters, digits and single dashes, at most {Slug.MaxLength} characters.");

        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length > MaxSummaryLength) errors.Add("summary", $"A summary has at most {MaxSummaryLength} characters.");
        else TextRules.Check(summary, "summary", TextShape.Lines, errors);
        var body = input.Body?.Trim() ?? "";
        if (body.Length > MaxBodyLength) errors.Add("body", $"A body has at most {MaxBodyLength} characters.");
        else TextRules.Check(body, "body", TextShape.Lines, errors);

        var muscles = Tags(input.Muscles, "muscles", errors);
        var regions = Tags(input.Regions, "regions", errors);
        return errors.Any ? null : new TechniqueFields(name, slug, summary, body, muscles, regions);
    }

    // Tags are lower case, trimmed and distinct, so "Piriformis" and "piriformis " are one facet value.
    private static IReadOnlyList<string> Tags(IReadOnlyList<string>? tags, string field, InputErrors errors)
    {
        var cleaned = (tags ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").ToList();
        if (cleaned.Count > MaxTags) errors.Add(field, $"At most {MaxTags} {field}.");
        for (var i = 0; i < cleaned.Count; i++)
        {
            if (cleaned[i].Length == 0) errors.Add(field, $"{field}[{i}] is empty.");
            else if (cleaned[i].Length > MaxTagLength) errors.Add(field, $"{field}[{i}] has more than {MaxTagLength} characters.");
            else TextRules.Check(cleaned[i], $"{field}[{i}]", TextShape.Line, errors);
        }
        return cleaned.Where(t => t.Length > 0).Distinct().ToList();
    }
}
