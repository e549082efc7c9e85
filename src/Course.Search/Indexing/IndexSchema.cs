namespace Course.Search.Indexing;

/// <summary>
/// The fields an index holds and its version. An index written under another version is rebuilt at start,
/// so change <see cref="Version"/> with any change to fields, their types or the analysis.
/// </summary>
public sealed class IndexSchema
{
    /// <summary>Every document's id (<see cref="ValueSet.Id"/>).</summary>
    public const string IdField = "id";
    /// <summary>The id of the document's parent, so removing a parent removes its children.</summary>
    public const string ParentField = "parent";
    /// <summary>The document's category (<see cref="ValueSet.Category"/>); a facet like the tags.</summary>
    public const string CategoryField = "type";
    /// <summary>Lower-case words of the fields declared with <see cref="FieldDefinition.Suggest"/>, unstemmed.</summary>
    public const string SuggestField = "suggest";
    /// <summary>A hash of the document's value set, stored: at start each document is compared with the database's by it.</summary>
    public const string FingerprintField = "fingerprint";

    private readonly Dictionary<string, FieldDefinition> fields;

    /// <summary>
    /// The field holding a facet's exact values, one term per value: facet counts, filters and tag completions read
    /// its postings. The facet's own field holds the analyzed words, for search.
    /// </summary>
    public static string ValuesField(string facet) => facet + "#values";

    /// <summary>
    /// The fields indexed as one exact term: the id, the parent, the declared keyword fields and each facet's
    /// <see cref="ValuesField"/>.
    /// </summary>
    public IReadOnlySet<string> KeywordFields { get; }

    /// <param name="titleField">the full-text field shown as a hit's and a completion's title</param>
    /// <param name="urlField">the stored field holding where a hit leads</param>
    /// <param name="snippetField">the full-text field snippets are cut from</param>
    public IndexSchema(
        string version, IReadOnlyList<string> categories, string titleField, string urlField, string snippetField,
        IEnumerable<FieldDefinition> fields)
    {
        Version = version;
        Categories = categories;
        TitleField = titleField;
        UrlField = urlField;
        SnippetField = snippetField;
        this.fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var reserved = this.fields.Keys.Intersect([IdField, ParentField, CategoryField, SuggestField, FingerprintField]).ToList();
        if (reserved.Count > 0) throw new ArgumentException($"Reserved field names: {string.Join(", ", reserved)}.", nameof(fields));
        foreach (var (name, role) in new[] { (titleField, "title"), (snippetField, "snippet") })
        {
            if (Find(name) is not { Type: FieldType.FullText, Stored: true })
                throw new ArgumentException($"The {role} field '{name}' must be a declared, stored full-text field.", nameof(fields));
        }
        if (Find(urlField) is not { Stored: true }) throw new ArgumentException($"The url field '{urlField}' must be a declared, stored field.", nameof(fields));
        var neverKept = this.fields.Values.Where(f => !f.Stored && f.Type is FieldType.Int or FieldType.StoredOnly).Select(f => f.Name).ToList();
        if (neverKept.Count > 0) throw new ArgumentException($"Fields only stored cannot be declared unstored: {string.Join(", ", neverKept)}.", nameof(fields));
        FieldsByName = [.. this.fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
        Searched = this.fields.Values.Where(f => f.IsSearched).ToList();
        Facets = [CategoryField, .. this.fields.Values.Where(f => f.Type == FieldType.Tag).Select(f => f.Name)];
        KeywordFields = this.fields.Values.Where(f => f.Type == FieldType.Keyword).Select(f => f.Name)
            .Concat(Facets.Select(ValuesField)).Append(IdField).Append(ParentField).ToHashSet(StringComparer.Ordinal);
    }

    public string Version { get; }

    /// <summary>The categories (document types) a value set may have.</summary>
    public IReadOnlyList<string> Categories { get; }

    public string TitleField { get; }
    public string UrlField { get; }
    public string SnippetField { get; }

    /// <summary>The fields free text is searched in, each with its boost.</summary>
    public IReadOnlyList<FieldDefinition> Searched { get; }

    /// <summary>The fields with facet counts and filters: the category and every tag field.</summary>
    public IReadOnlyList<string> Facets { get; }

    public IEnumerable<FieldDefinition> Fields => fields.Values;

    /// <summary>The declared fields in ordinal name order: the order a value set's fields are fingerprinted in.</summary>
    internal IReadOnlyList<FieldDefinition> FieldsByName { get; }

    public FieldDefinition? Find(string name) => fields.GetValueOrDefault(name);
}
