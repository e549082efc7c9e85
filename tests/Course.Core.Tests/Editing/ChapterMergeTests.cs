using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Core.Tests.Editing;

public sealed class ChapterMergeTests
{
    private static readonly Guid Technique = Guid.NewGuid();

    [Fact]
    public void Chapters_keep_their_key_and_techniques_when_title_or_start_is_unchanged()
    {
        var first = ChapterMerge.Merge([new(1, 0, "Intro"), new(2, 30, "Pin and strech"), new(3, 60, "Abduction")], [], 90);
        var linked = first.Select(c => c.Index == 1 ? c with { TechniqueKeys = [Technique], Notes = "n" } : c).ToList();

        // The editor fixes the typo (same start) and moves the last chapter (same title).
        var second = ChapterMerge.Merge([new(1, 0, "Intro"), new(2, 30, "Pin and stretch"), new(3, 65, "Abduction")], linked, 90);

        Assert.Equal(first.Select(c => c.Key), second.Select(c => c.Key));
        Assert.Equal([Technique], second[1].TechniqueKeys);
        Assert.Equal("n", second[1].Notes);
        Assert.Equal("pin-and-stretch", second[1].Slug);
        Assert.Equal<int?>([30, 65, 90], second.Select(c => c.End));
    }

    [Fact]
    public void Chapters_sharing_a_title_get_distinct_slugs()
    {
        var chapters = ChapterMerge.Merge([new(1, 0, "Recap"), new(2, 30, "Recap"), new(3, 60, "!!!")], [], null);
        Assert.Equal(["recap", "recap-2", "chapter"], chapters.Select(c => c.Slug));
    }
}

public sealed class VideoInputRulesTests
{
    private static readonly string Description = "Intro text\n0:00 Start\n0:30 Middle\n1:00 End";

    [Fact]
    public void A_good_input_gives_fields_and_chapters()
    {
        var errors = new InputErrors();
        var fields = VideoInputRules.Check(new("My video", null, "https://youtu.be/dQw4w9WgXcQ", 120, Description), errors);
        Assert.False(errors.Any);
        Assert.Equal("my-video", fields!.Slug);
        Assert.Equal(3, fields.TableOfContents.Chapters.Count);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_with_description_lines()
    {
        var errors = new InputErrors();
        var fields = VideoInputRules.Check(new("", "Bad Slug", "not a url", -5, "0:00 a\n7:7 b\n1:00 c"), errors);
        Assert.Null(fields);
        var byField = errors.ToDictionary();
        Assert.Equal(["description", "duration", "slug", "source", "title"], byField.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("line 2: '7:7' is not a timestamp", byField["description"]);
    }

    [Fact]
    public void Technique_tags_are_cleaned_and_bad_ones_named()
    {
        var errors = new InputErrors();
        var fields = TechniqueInputRules.Check(new("Pin", null, null, null, [" Piriformis", "piriformis", "Gluteus Maximus"], ["hip"]), errors);
        Assert.Equal(["piriformis", "gluteus maximus"], fields!.Muscles);

        var bad = new InputErrors();
        Assert.Null(TechniqueInputRules.Check(new("Pin", null, null, null, ["ok", " "], [new string('x', 61)]), bad));
        Assert.Equal(["muscles[1] is empty."], bad.ToDictionary()["muscles"]);
        Assert.Single(bad.ToDictionary()["regions"]);
    }
}
