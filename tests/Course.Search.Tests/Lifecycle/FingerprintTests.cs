using Course.Search.Content;
using Course.Search.Indexing;
using static Course.Search.Content.CourseIndexSchema;

namespace Course.Search.Tests.Lifecycle;

/// <summary>The fingerprint a start compares each held document with the database's by (see <see cref="CourseIndex.ReconcileAsync"/>).</summary>
public sealed class FingerprintTests
{
    private static ValueSet Chapter(params (string Field, object[] Values)[] fields) =>
        new("chapter-1", CourseIndexSchema.Chapter, "video-1", fields.ToDictionary(f => f.Field, f => (IReadOnlyList<object>)f.Values));

    private static UInt128 Fingerprint(ValueSet valueSet) => LuceneDocuments.Fingerprint(valueSet, Definition);

    [Fact]
    public void The_same_values_in_another_field_order_have_the_same_fingerprint_and_any_other_value_another()
    {
        var chapter = Chapter((Title, ["Pin and stretch"]), (Start, [75]), (Techniques, ["Open fists", "Knuckles"]));
        Assert.Equal(Fingerprint(chapter), Fingerprint(Chapter((Techniques, ["Open fists", "Knuckles"]), (Start, [75]), (Title, ["Pin and stretch"]))));

        Assert.NotEqual(Fingerprint(chapter), Fingerprint(Chapter((Title, ["Pin and stretch"]), (Start, [76]), (Techniques, ["Open fists", "Knuckles"]))));
        Assert.NotEqual(Fingerprint(chapter), Fingerprint(Chapter((Title, ["Pin and stretch"]), (Start, [75]), (Techniques, ["Open fist", "sKnuckles"]))));
        Assert.NotEqual(Fingerprint(chapter), Fingerprint(chapter with { ParentId = "video-2" }));
    }

    [Fact]
    public void A_document_keeps_the_fingerprint_of_the_value_set_it_was_made_from()
    {
        var chapter = Chapter((Title, ["Pin and stretch"]), (Start, [75]));
        Assert.Equal(Fingerprint(chapter), LuceneDocuments.StoredFingerprint(LuceneDocuments.From(chapter, Definition)));
    }

    [Fact]
    public void A_value_set_with_an_undeclared_field_has_no_fingerprint()
    {
        var error = Assert.Throws<ArgumentException>(() => Fingerprint(Chapter((Title, ["Pin and stretch"]), ("colour", ["red"]))));
        Assert.Contains("undeclared field 'colour'", error.Message);
    }
}
