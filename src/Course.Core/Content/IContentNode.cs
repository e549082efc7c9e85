namespace Course.Core.Content;

/// <summary>
/// What every document type shares (Umbraco's content base): a key, a unique slug, a publishing state and dates.
/// The generic content service edits any type that has them.
/// </summary>
public interface IContentNode<out TSelf> where TSelf : IContentNode<TSelf>
{
    Guid Key { get; }
    string Slug { get; }
    bool Published { get; }
    DateTime CreateDate { get; }
    DateTime UpdateDate { get; }
    /// <summary>The stored version: every change adds one; editors send the one they saw (optimistic concurrency).</summary>
    int Version { get; }

    /// <summary>The same content in another publishing state, saved at <paramref name="updateDate"/> as <paramref name="version"/>.</summary>
    TSelf WithState(bool published, DateTime updateDate, bool hasUnpublishedChanges, int version);
}
