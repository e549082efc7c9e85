using Course.Core.Comments;
using Course.Core.Editing;

namespace Course.Core.Tests.Editing;

public class TextRulesTests
{
    private static IDictionary<string, string[]> Check(string text, TextShape shape, string field = "field")
    {
        var errors = new InputErrors();
        TextRules.Check(text, field, shape, errors);
        return errors.ToDictionary();
    }

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("محمد")]
    [InlineData("山田 太郎")]
    [InlineData("👩‍💻 Grace")]
    [InlineData("Zoë (physio)")]
    [InlineData("a\u200bb")]
    public void Names_of_any_script_pass(string name) => Assert.Empty(Check(name, TextShape.Line));

    [Theory]
    [InlineData("\u200b")]
    [InlineData("\ufeff\ufeff")]
    [InlineData("\u3164")]
    [InlineData("\u200b \u3164\u2800")]
    [InlineData("\u0301")]
    [InlineData("\u00a0\u2003")]
    public void A_name_of_invisible_characters_only_is_refused(string name)
    {
        var errors = Check(name, TextShape.Line, "author");
        Assert.Contains("visible", Assert.Single(errors["author"]));
    }

    [Theory]
    [InlineData("\u202eadmin")]
    [InlineData("ad\u202dmin")]
    [InlineData("\u2067name\u2069")]
    [InlineData("x\u200f")]
    public void A_one_line_field_refuses_bidirectional_controls(string name)
    {
        var errors = Check(name, TextShape.Line, "author");
        Assert.Contains("bidirectional control", Assert.Single(errors["author"]));
    }

    [Theory]
    [InlineData("a\0b", "U+0000")]
    [InlineData("bell\u0007", "U+0007")]
    [InlineData("esc\u001b[31m", "U+001B")]
    [InlineData("del\u007f", "U+007F")]
    [InlineData("two\nlines", "line break")]
    [InlineData("tab\there", "tab")]
    [InlineData("nonchar \uffff", "U+FFFF")]
    public void A_one_line_field_refuses_control_characters_and_broken_text(string text, string named)
    {
        var message = Assert.Single(Check(text, TextShape.Line, "title")["title"]);
        Assert.Contains(named, message);
    }

    [Fact]
    public void Multi_line_text_keeps_tabs_line_breaks_and_bidi_but_names_the_line_of_a_control_character()
    {
        Assert.Empty(Check("first\r\nsecond\n\tindented \u202eمرحبا\u202c", TextShape.Lines));
        var message = Assert.Single(Check("first\r\nsecond\nthi\0rd", TextShape.Lines, "body")["body"]);
        Assert.Equal("line 3, column 4: it contains the control character U+0000.", message);
        Assert.Contains("unpaired surrogate", Assert.Single(Check("ok " + (char)0xDBFF, TextShape.Lines)["field"]));
    }

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void A_one_line_field_refuses_an_unpaired_surrogate(int surrogate)
    {
        // Built here: attribute arguments cannot carry a lone surrogate.
        var message = Assert.Single(Check($"lone {(char)surrogate} half", TextShape.Line, "title")["title"]);
        Assert.Contains("unpaired surrogate", message);
    }

    [Fact]
    public void Surrogate_pairs_are_text() => Assert.Empty(Check("𝄞 music 😀", TextShape.Line));

    [Fact]
    public void Every_editor_and_viewer_input_names_its_field()
    {
        Errors(e => CommentRules.Check(new CommentInput("\u200b", "hi\0", null, null, null), Comments.CommentSamples.Video, null, e), "author", "body");
        Errors(e => VideoInputRules.Check(new VideoInput("Title\u0001", null, "https://youtu.be/dQw4w9WgXcQ", 60, "0:00 Intro\u0000"), e), "title", "description");
        Errors(e => TechniqueInputRules.Check(new TechniqueInput("\u202eName", "name", "sum\u0002", "bo\u0003dy", ["ok", "pi\u0000ri"], ["\u3164"]), e),
            "name", "summary", "body", "muscles[1]", "regions[0]");
        Errors(e => ChapterEditRules.Check([new ChapterEdit(0, null, "note\u0008")], 1, e), "chapters[0].notes");
    }

    private static void Errors(Action<InputErrors> check, params string[] fields)
    {
        var errors = new InputErrors();
        check(errors);
        Assert.Equal(fields.Order(), errors.ToDictionary().Keys.Order());
    }
}
