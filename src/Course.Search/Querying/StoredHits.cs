using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Course.Search.Querying;

/// <summary>
/// What a hit shows (its stored values, and its snippet text analysed once), read from its segment and kept in a
/// bounded LRU cache, in the manner of Solr's document cache. Decompressing stored fields and re-analysing a body for
/// its snippet were most of a search's fixed cost (dotnet-trace on the seed course: 34 % and 26 % of it). Segments never
/// change, so an entry never goes stale; a merged-away segment's entries age out.
/// </summary>
internal sealed class StoredHits(IndexSchema schema, Analyzer analyzer, int capacity = StoredHits.DefaultCapacity)
{
    /// <summary>Hits kept: a course site's every document, or the most recently shown of a large index (about 10 MB).</summary>
    public const int DefaultCapacity = 2048;

    // Kept when shown again: a large index's first-seen queries show hits that no other search shows soon.
    private readonly KeptWhenAskedAgain<(object Core, int Doc), StoredHit> cache = new(capacity);

    /// <summary>The hit of document <paramref name="doc"/> (an index-wide number) of <paramref name="reader"/>.</summary>
    public StoredHit Get(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        return cache.GetOrMake((leaf.AtomicReader.CoreCacheKey, doc - leaf.DocBase), static (key, read) => read.This.Read(read.Segment, key.Doc), (This: this, Segment: leaf.AtomicReader));
    }

    private StoredHit Read(AtomicReader segment, int doc)
    {
        var visitor = new FirstValues();
        segment.Document(doc, visitor);
        var values = visitor.Values;
        var text = values.GetValueOrDefault(schema.SnippetField) as string;
        return new StoredHit(
            (string)values[IndexSchema.IdField], (string)values[IndexSchema.CategoryField], values,
            new Lazy<SnippetText>(() => SnippetText.Analyze(analyzer, schema.SnippetField, text)));
    }

    /// <summary>The first value of each stored field (tags repeat), numbers as numbers.</summary>
    private sealed class FirstValues : StoredFieldVisitor
    {
        public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

        public override Status NeedsField(FieldInfo fieldInfo) => Values.ContainsKey(fieldInfo.Name) ? Status.NO : Status.YES;

        public override void StringField(FieldInfo fieldInfo, string value) => Values.TryAdd(fieldInfo.Name, value);

        public override void Int32Field(FieldInfo fieldInfo, int value) => Values.TryAdd(fieldInfo.Name, value);
    }
}

/// <summary>
/// A hit's stored values (the first of each field) and its snippet text, as read once from the index; the text is
/// analysed when a search first shows it (completions show titles only).
/// </summary>
internal sealed record StoredHit(string Id, string Category, IReadOnlyDictionary<string, object> Values, Lazy<SnippetText> Snippet)
{
    public string? Text(string field) => Values.GetValueOrDefault(field) as string;
}
