using Course.Core.Captions;

namespace Course.Core.Content;

/// <summary>A tutorial video (document type <c>courseVideo</c>) with its chapters (element type <c>chapter</c>).</summary>
public sealed record Video
{
    public required Guid Key { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    /// <summary>Where the video plays from: a site path (<c>/media/…</c>) or a YouTube/Vimeo address.</summary>
    public required string Source { get; init; }
    /// <summary>Length in whole seconds, when known.</summary>
    public int? Duration { get; init; }
    /// <summary>The description as authored, table of contents included.</summary>
    public string Description { get; init; } = "";
    public IReadOnlyList<Chapter> Chapters { get; init; } = [];
    /// <summary>Caption tracks, one per language, in editor order (element type <c>caption</c>).</summary>
    public IReadOnlyList<CaptionTrack> Captions { get; init; } = [];
    public bool Published { get; init; }
    /// <summary>Published, and saved since: visitors still see the published version until it is published again.</summary>
    public bool HasUnpublishedChanges { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }
    public int SortOrder { get; init; }
    /// <summary>
    /// The stored version: every change adds one. An editor who sends back the version they saw saves over
    /// exactly that one, or learns that someone else saved meanwhile (optimistic concurrency).
    /// </summary>
    public int Version { get; init; }

    /// <summary>The track in <paramref name="language"/> (any casing), or null.</summary>
    public CaptionTrack? CaptionsIn(string language) =>
        Captions.FirstOrDefault(c => string.Equals(c.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The video with <paramref name="track"/> in place of the track in its language, or added after the others.</summary>
    public Video WithCaptions(CaptionTrack track) => this with
    {
        Captions = CaptionsIn(track.Language) is null
            ? [.. Captions, track]
            : Captions.Select(c => string.Equals(c.Language, track.Language, StringComparison.OrdinalIgnoreCase) ? track : c).ToList(),
    };

    public Video WithoutCaptions(string language) => this with
    {
        Captions = Captions.Where(c => !string.Equals(c.Language, language, StringComparison.OrdinalIgnoreCase)).ToList(),
    };

    /// <summary>The description's opening line, for lists, link previews and structured data.</summary>
    public string Summary =>
        Description.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
}

/// <summary>A chapter of a video: a titled span starting at a whole second.</summary>
public sealed record Chapter
{
    /// <summary>Stable key of the chapter element (a block in Umbraco's block list).</summary>
    public required Guid Key { get; init; }
    /// <summary>Zero-based position in the video.</summary>
    public required int Index { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required int Start { get; init; }
    /// <summary>The next chapter's start or the video's duration; null when unknown.</summary>
    public int? End { get; init; }
    /// <summary>Keys of the techniques the chapter shows, in editor order.</summary>
    public IReadOnlyList<Guid> TechniqueKeys { get; init; } = [];
    /// <summary>Editor notes shown under the chapter.</summary>
    public string Notes { get; init; } = "";
}
