using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Lucene.Net.Documents;

namespace Course.Search.Indexing;

/// <summary>Turns a value set into a Lucene document according to the schema's declared field types.</summary>
internal static class LuceneDocuments
{
    // What StringField indexes (one term, no frequencies, positions or norms), but tokenized, so the value goes through
    // the analyzer's reused keyword token stream (see SearchAnalyzer) instead of a new token stream per document.
    private static readonly Lucene.Net.Documents.FieldType Keyword = KeywordType(stored: false);
    private static readonly Lucene.Net.Documents.FieldType StoredKeyword = KeywordType(stored: true);

    // What keeps the fingerprinted pieces apart, so "ab" + "c" and "a" + "bc" differ.
    private const string ValueSeparator = "\u001f";
    private const string FieldSeparator = "\u001e";

    private static Lucene.Net.Documents.FieldType KeywordType(bool stored)
    {
        var type = new Lucene.Net.Documents.FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true, IsStored = stored };
        type.Freeze();
        return type;
    }

    public static Document From(ValueSet valueSet, IndexSchema schema)
    {
        var document = new Document
        {
            new Field(IndexSchema.IdField, valueSet.Id, StoredKeyword),
            new StoredField(IndexSchema.FingerprintField, FingerprintBytes(Fingerprint(valueSet, schema))),
        };
        if (valueSet.ParentId is { } parent) document.Add(new Field(IndexSchema.ParentField, parent, Keyword));
        AddTag(document, IndexSchema.CategoryField, valueSet.Category, stored: true, searched: false);
        foreach (var (name, values) in valueSet.Values)
        {
            var definition = schema.Find(name) ?? throw UndeclaredField(valueSet, name);
            // By index: a foreach over the list's interface allocates an enumerator per field of every document built.
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                Add(document, definition, value);
                // Tags complete as whole values (from their values field); text fields complete word by word.
                if (definition.Suggest && definition.Type == FieldType.FullText)
                    document.Add(new TextField(IndexSchema.SuggestField, Text(value), Field.Store.NO));
            }
        }
        return document;
    }

    /// <summary>
    /// A hash of everything the value set holds (id, category, parent, every field's values, fields in name order): two
    /// value sets with the same fingerprint make the same document, so comparing fingerprints finds a document that is
    /// stale. The text is hashed piece by piece as it is held (UTF-16), by one hasher per thread, with no string, sorted
    /// copy or enumerator made for it: a full build takes a fingerprint of every document.
    /// </summary>
    public static UInt128 Fingerprint(ValueSet valueSet, IndexSchema schema)
    {
        var hash = hasher ??= new XxHash128();
        hash.Reset();
        Append(hash, valueSet.Id);
        Append(hash, ValueSeparator);
        Append(hash, valueSet.Category);
        Append(hash, ValueSeparator);
        Append(hash, valueSet.ParentId);
        var fieldsHashed = 0;
        var fields = schema.FieldsByName;
        for (var f = 0; f < fields.Count; f++)
        {
            if (!valueSet.Values.TryGetValue(fields[f].Name, out var values)) continue;
            fieldsHashed++;
            Append(hash, FieldSeparator);
            Append(hash, fields[f].Name);
            for (var i = 0; i < values.Count; i++)
            {
                Append(hash, ValueSeparator);
                Append(hash, Text(values[i]));
            }
        }
        if (fieldsHashed < valueSet.Values.Count)
            throw UndeclaredField(valueSet, valueSet.Values.Keys.First(name => schema.Find(name) is null));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The fingerprint a document was stored with; null for one stored without.</summary>
    public static UInt128? StoredFingerprint(Document stored) =>
        stored.GetBinaryValue(IndexSchema.FingerprintField) is { } bytes
            ? BinaryPrimitives.ReadUInt128BigEndian(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length))
            : null;

    // Stored as its 16 bytes: a hex string was twice the size and a string and a byte array more per document.
    private static byte[] FingerprintBytes(UInt128 fingerprint)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, fingerprint);
        return bytes;
    }

    [ThreadStatic] private static XxHash128? hasher;

    private static void Append(XxHash128 hash, string? text) => hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));

    private static ArgumentException UndeclaredField(ValueSet valueSet, string name) =>
        new($"Value set {valueSet.Id} has the undeclared field '{name}'.", nameof(valueSet));

    /// <summary>Tags are compared in lower case, so "Piriformis" and "piriformis " count as one facet value.</summary>
    public static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    private static void Add(Document document, FieldDefinition definition, object value)
    {
        switch (definition.Type)
        {
            case FieldType.FullText:
                document.Add(new TextField(definition.Name, Text(value), definition.Stored ? Field.Store.YES : Field.Store.NO));
                break;
            case FieldType.Tag:
                AddTag(document, definition.Name, Text(value), definition.Stored, searched: true);
                break;
            case FieldType.Keyword:
                document.Add(new Field(definition.Name, Text(value), definition.Stored ? StoredKeyword : Keyword));
                break;
            case FieldType.Int:
                document.Add(new StoredField(definition.Name, Convert.ToInt32(value, CultureInfo.InvariantCulture)));
                break;
            default:
                document.Add(new StoredField(definition.Name, Text(value)));
                break;
        }
    }

    // The analyzed words for search under the tag's name, the exact value as one term for facets and filters. A term,
    // not sorted-set doc values: a change flushes a segment of a video's twenty-odd documents, and the three facets'
    // doc values writers were most of what that flush allocated. The category is never searched as words, only stored
    // for hits (its words were 100,000 terms that no query read, in a rebuild at 100k).
    private static void AddTag(Document document, string name, string value, bool stored, bool searched)
    {
        var tag = NormalizeTag(value);
        if (tag.Length == 0) return;
        if (searched) document.Add(new TextField(name, tag, stored ? Field.Store.YES : Field.Store.NO));
        else if (stored) document.Add(new StoredField(name, tag));
        document.Add(new Field(IndexSchema.ValuesField(name), tag, Keyword));
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
