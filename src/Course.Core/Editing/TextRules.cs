using System.Globalization;
using System.Text;

namespace Course.Core.Editing;

/// <summary>What a text field may hold besides its length: one line (names, titles, tags) or several (bodies, notes).</summary>
public enum TextShape
{
    /// <summary>One line: no control characters at all, no bidirectional controls, and something a reader can see.</summary>
    Line,

    /// <summary>Several lines: tab and line breaks allowed; bidirectional text stays inside its own block when rendered.</summary>
    Lines,
}

/// <summary>
/// The characters every text field of an editor's or a viewer's input must keep to, whatever its length
/// rules: no control characters (they are invalid in the uSync XML and invisible on the page), no
/// unpaired surrogates or non-characters (not text at all), and for one-line fields something visible
/// and no bidirectional controls (a name like <c>\u202Eadmin</c> would render as "nimda" and overrun
/// what follows it). Problems name the field and, in multi-line text, the line and column.
/// </summary>
public static class TextRules
{
    /// <summary>Adds a problem for <paramref name="field"/> when <paramref name="text"/> holds a character it may not; true when it is clean.</summary>
    public static bool Check(string? text, string field, TextShape shape, InputErrors errors)
    {
        if (string.IsNullOrEmpty(text)) return true;
        if (FirstForbidden(text, shape) is { } bad)
        {
            errors.Add(field, Describe(text, bad, shape));
            return false;
        }
        if (shape == TextShape.Line && !HasVisibleCharacter(text))
        {
            errors.Add(field, "It needs a visible character: invisible or blank characters alone are not text.");
            return false;
        }
        return true;
    }

    /// <summary>Whether a reader would see anything: a letter, digit, punctuation or symbol that renders, not only spaces, joiners or fillers.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (IsVisible(rune)) return true;
        return false;
    }

    private static bool IsVisible(Rune rune)
    {
        if (IsInvisibleLetter(rune.Value) || IsDefaultIgnorable(rune.Value)) return false;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => false,
            _ => true,
        };
    }

    // Letters (or a symbol) that fonts draw as nothing, favoured for blank-looking names.
    private static bool IsInvisibleLetter(int c) =>
        c is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x17B4 or 0x17B5 or 0x180E;

    // Unicode's Default_Ignorable_Code_Point ranges that are not already Cf (format) characters.
    private static bool IsDefaultIgnorable(int c) =>
        c is 0x034F or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x2060 and <= 0x206F);

    /// <summary>The bidirectional embeddings, overrides and isolates (and the marks), which one-line text may not carry.</summary>
    public static bool IsBidiControl(int c) =>
        c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    private readonly record struct Forbidden(int Index, string What);

    private static Forbidden? FirstForbidden(string text, TextShape shape)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return new(i, "an unpaired surrogate (not a character)");
            if (c is '\uFFFE' or '\uFFFF') return new(i, $"U+{(int)c:X4}, which is not a character");
            if (char.IsControl(c) && !(shape == TextShape.Lines && c is '\t' or '\n' or '\r'))
                return new(i, c is '\t' or '\n' or '\r' ? "a line break or tab (it is one line)" : $"the control character U+{(int)c:X4}");
            if (shape == TextShape.Line && IsBidiControl(c))
                return new(i, $"the bidirectional control U+{(int)c:X4}");
        }
        return null;
    }

    private static string Describe(string text, Forbidden bad, TextShape shape)
    {
        if (shape == TextShape.Line) return $"It contains {bad.What} at character {bad.Index + 1}.";
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < bad.Index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return $"line {line}, column {bad.Index - lineStart + 1}: it contains {bad.What}.";
    }
}
