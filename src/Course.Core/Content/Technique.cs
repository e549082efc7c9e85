namespace Course.Core.Content;

/// <summary>A massage technique page (document type <c>technique</c>).</summary>
public sealed record Technique
{
    public required Guid Key { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    /// <summary>One or two sentences shown in lists and search snippets.</summary>
    public string Summary { get; init; } = "";
    /// <summary>The page body, plain paragraphs separated by blank lines.</summary>
    public string Body { get; init; } = "";
    public IReadOnlyList<string> Muscles { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public bool Published { get; init; }
    /// <summary>Published, and saved since: visitors still see the published version until it is published again.</summary>
    public bool HasUnpublishedChanges { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }
    /// <summary>The stored version: every change adds one (see <see cref="Video.Version"/>).</summary>
    public int Version { get; init; }
}
