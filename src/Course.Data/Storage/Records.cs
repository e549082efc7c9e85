using Course.Core.Comments;
using Course.Core.Notifications;

namespace Course.Data.Storage;

// Table rows. The domain types in Course.Core.Content are what the rest of the site sees;
// ContentMapping turns one into the other.

public sealed class VideoRecord
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Source { get; set; } = "";
    public int? Duration { get; set; }
    public string Description { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>
    /// While a published node has saved changes that are not yet published: what visitors still see
    /// (the domain object as JSON) and its slug. Null when the row itself is what is live.
    /// </summary>
    public string? PublishedSnapshot { get; set; }
    public string? PublishedSlug { get; set; }
    public int SortOrder { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime UpdateDate { get; set; }
    /// <summary>Every change adds one; a concurrency token, so a save over a version someone else replaced fails.</summary>
    public int Version { get; set; }
    public List<ChapterRecord> Chapters { get; set; } = [];
    public List<CaptionRecord> Captions { get; set; } = [];
}

/// <summary>A video's caption track in one language, kept as normalised WebVTT.</summary>
public sealed class CaptionRecord
{
    public int Id { get; set; }
    public int VideoId { get; set; }
    public Guid Key { get; set; }
    /// <summary>Position in the editor's order of tracks.</summary>
    public int SortOrder { get; set; }
    public string Language { get; set; } = "";
    public string Label { get; set; } = "";
    public string WebVtt { get; set; } = "";
}

public sealed class ChapterRecord
{
    public int Id { get; set; }
    public int VideoId { get; set; }
    public Guid Key { get; set; }
    public int Index { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public int Start { get; set; }
    public string Notes { get; set; } = "";
    /// <summary>Technique keys in editor order; a picker value, as in Umbraco, so it holds no foreign key.</summary>
    public List<Guid> TechniqueKeys { get; set; } = [];
}

public sealed class TechniqueRecord
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public List<string> Muscles { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public bool Published { get; set; }
    /// <summary>
    /// While a published node has saved changes that are not yet published: what visitors still see
    /// (the domain object as JSON) and its slug. Null when the row itself is what is live.
    /// </summary>
    public string? PublishedSnapshot { get; set; }
    public string? PublishedSlug { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime UpdateDate { get; set; }
    /// <summary>Every change adds one; a concurrency token, so a save over a version someone else replaced fails.</summary>
    public int Version { get; set; }
}

/// <summary>One saved state of a video or technique, kept so an earlier one can be restored.</summary>
public sealed class ContentVersionRecord
{
    public int Id { get; set; }
    public Guid NodeKey { get; set; }
    public ContentKind Kind { get; set; }
    public DateTime VersionDate { get; set; }
    /// <summary>Who saved it: the editor's user name, or <c>api-key</c> for automation.</summary>
    public string User { get; set; } = "";
    /// <summary>The whole <see cref="Course.Core.Content.Video"/> or <see cref="Course.Core.Content.Technique"/> as JSON.</summary>
    public string Snapshot { get; set; } = "";
}

public sealed class CommentRecord
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    /// <summary>The video's key (not its row id), as Umbraco relates content: it survives export and import.</summary>
    public Guid VideoKey { get; set; }
    public Guid? ParentKey { get; set; }
    public int? At { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public CommentState State { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime UpdateDate { get; set; }
    /// <summary>The client's <c>Idempotency-Key</c> header when it sent one; unique, so a retry finds its first answer.</summary>
    public string? IdempotencyKey { get; set; }
}
