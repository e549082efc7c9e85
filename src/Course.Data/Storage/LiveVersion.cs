using Course.Core.Content;

namespace Course.Data.Storage;

/// <summary>
/// Keeps what visitors see apart from an editor's saved changes, as Umbraco keeps a published version
/// beside the draft: the first save after publishing keeps the live content on the row; publishing or
/// unpublishing lets it go. A row without it is itself what is live.
/// </summary>
internal static class LiveVersion
{
    /// <summary>Call before a save changes <paramref name="record"/>: while it is published, what it holds now stays live.</summary>
    public static void KeepLive(VideoRecord record)
    {
        if (!record.Published || record.PublishedSnapshot is not null) return;
        record.PublishedSnapshot = ContentSnapshot.Write(record.ToVideo());
        record.PublishedSlug = record.Slug;
    }

    public static void KeepLive(TechniqueRecord record)
    {
        if (!record.Published || record.PublishedSnapshot is not null) return;
        record.PublishedSnapshot = ContentSnapshot.Write(record.ToTechnique());
        record.PublishedSlug = record.Slug;
    }

    /// <summary>Call when publishing or unpublishing: from then on the row itself says what is live, or that nothing is.</summary>
    public static void Release(VideoRecord record) => (record.PublishedSnapshot, record.PublishedSlug) = (null, null);

    public static void Release(TechniqueRecord record) => (record.PublishedSnapshot, record.PublishedSlug) = (null, null);

    /// <summary>What visitors see of a published row.</summary>
    public static Video Live(VideoRecord record) => record.PublishedSnapshot is { } snapshot
        ? ContentSnapshot.Read<Video>(snapshot) with { Published = true, HasUnpublishedChanges = false }
        : record.ToVideo();

    public static Technique Live(TechniqueRecord record) => record.PublishedSnapshot is { } snapshot
        ? ContentSnapshot.Read<Technique>(snapshot) with { Published = true, HasUnpublishedChanges = false }
        : record.ToTechnique();
}
