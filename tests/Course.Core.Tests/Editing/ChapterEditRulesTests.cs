using Course.Core.Editing;

namespace Course.Core.Tests.Editing;

public sealed class ChapterEditRulesTests
{
    private static IDictionary<string, string[]> Check(int chapters, params ChapterEdit[] edits)
    {
        var errors = new InputErrors();
        ChapterEditRules.Check(edits, chapters, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void Edits_of_existing_chapters_pass()
    {
        Assert.Empty(Check(3, new(0, ["a"], "note"), new(2, [], null)));
    }

    [Fact]
    public void A_missing_chapter_a_repeated_one_and_long_notes_are_named_by_position()
    {
        var errors = Check(3,
            new(3, null, null),
            new(1, null, null),
            new(1, null, new string('x', ChapterEditRules.MaxNotesLength + 1)),
            new(0, Enumerable.Range(0, ChapterEditRules.MaxTechniques + 1).Select(i => $"t{i}").ToList(), null));

        Assert.Equal(["The video has no chapter 3; it has 3."], errors["chapters[0].index"]);
        Assert.Equal(["Chapter 1 is edited twice."], errors["chapters[2].index"]);
        Assert.Equal([$"Notes have at most {ChapterEditRules.MaxNotesLength} characters."], errors["chapters[2].notes"]);
        Assert.Equal([$"A chapter shows at most {ChapterEditRules.MaxTechniques} techniques."], errors["chapters[3].techniques"]);
        Assert.False(errors.ContainsKey("chapters[1].index"));
    }
}
