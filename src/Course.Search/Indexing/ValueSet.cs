namespace Course.Search.Indexing;

/// <summary>
/// One document to index, as Examine's value set: an id, a category (the document type), an optional parent
/// whose removal removes it too, and the values of declared fields.
/// </summary>
public sealed record ValueSet(string Id, string Category, string? ParentId, IReadOnlyDictionary<string, IReadOnlyList<object>> Values);

/// <summary>What a content change does to the index: documents removed (with their children), then documents (re)indexed by id.</summary>
public sealed record IndexChange(IReadOnlyList<string> Removed, IReadOnlyList<ValueSet> Indexed)
{
    public static readonly IndexChange None = new([], []);

    public bool IsEmpty => Removed.Count == 0 && Indexed.Count == 0;
}
