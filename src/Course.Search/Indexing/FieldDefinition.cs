namespace Course.Search.Indexing;

/// <summary>How a field of a <see cref="ValueSet"/> is indexed, in the manner of Examine's field definition types.</summary>
public enum FieldType
{
    /// <summary>Analyzed English text (stemmed, synonyms at query time), stored for snippets.</summary>
    FullText,
    /// <summary>
    /// A tag such as a muscle or region: searched as text, and kept as an exact lower-case value for facet
    /// counts and filters.
    /// </summary>
    Tag,
    /// <summary>An exact value, indexed as one term and stored (a code looked up as typed).</summary>
    Keyword,
    /// <summary>A whole number, stored (a start second).</summary>
    Int,
    /// <summary>Stored for display, not searchable (urls, summaries).</summary>
    StoredOnly,
}

/// <summary>
/// A declared field. <paramref name="Boost"/> weighs a searchable field against the others (0 keeps it out of
/// free-text search); <paramref name="Suggest"/> adds its values to the search-as-you-type completions;
/// <paramref name="Stored"/> false keeps a searched field's values out of what a hit reads back, for a field no
/// hit shows: every stored value is encoded and compressed at indexing, and a rebuild stores every document.
/// </summary>
public sealed record FieldDefinition(string Name, FieldType Type, float Boost = 0, bool Suggest = false, bool Stored = true)
{
    public bool IsSearched => Boost > 0 && Type is FieldType.FullText or FieldType.Tag;
}
