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
    public static void KeepLive<T>(IContentRecord record, Func<T> content)
    {
        if (!record.Published || record.PublishedSnapshot is not null) return;
        record.PublishedSnapshot = ContentSnapshot.Write(content());
        record.PublishedSlug = record.Slug;
    }

    /// <summary>Call when publishing or unpublishing: from then on the row itself says what is live, or that nothing is.</summary>
    public static void Release(IContentRecord record) => (record.PublishedSnapshot, record.PublishedSlug) = (null, null);

    /// <summary>What visitors see of a published row.</summary>
    public static Video Live(VideoRecord record) => Live(record, record.ToVideo);

    public static Technique Live(TechniqueRecord record) => Live(record, record.ToTechnique);

    private static T Live<T>(IContentRecord record, Func<T> row) where T : IContentNode<T>
    {
        if (record.PublishedSnapshot is not { } snapshot) return row();
        var live = ContentSnapshot.Read<T>(snapshot);
        return live.WithState(true, live.UpdateDate, false, live.Version);
    }
}
