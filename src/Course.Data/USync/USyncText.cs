using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Course.Data.USync;

/// <summary>
/// Text that XML 1.0 cannot hold, written so that every stored value can be exported and read back
/// unchanged. XML forbids the C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and unpaired
/// surrogates, even as character references; uSync writes values as they are and its writer throws on
/// them. Course writes a value exactly as uSync does unless it holds such a character: then the element
/// carries <c>Escaped="u"</c> and each such character, and each backslash, is written <c>\uXXXX</c> (so
/// <c>a\u0001b</c> is U+0001 between a and b). A reader that does not know the attribute sees readable
/// escapes instead of failing; Course's reader turns them back.
/// </summary>
internal static class USyncText
{
    public const string EscapedAttribute = "Escaped";
    private const string EscapedValue = "u";

    /// <summary>True when <paramref name="text"/> has a character XML cannot hold.</summary>
    public static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) i++;
            else if (!XmlConvert.IsXmlChar(text[i])) return true;
        }
        return false;
    }

    /// <summary>A <c>&lt;Value&gt;</c> holding <paramref name="text"/> as CDATA, escaped when it must be.</summary>
    public static XElement Value(string text) =>
        NeedsEscape(text)
            ? new XElement("Value", new XAttribute(EscapedAttribute, EscapedValue), new XCData(Escape(text)))
            : new XElement("Value", new XCData(text));

    /// <summary>Marks <paramref name="element"/> escaped and returns the text to write in it, when <paramref name="text"/> needs it.</summary>
    public static string For(XElement element, string text)
    {
        if (!NeedsEscape(text)) return text;
        element.SetAttributeValue(EscapedAttribute, EscapedValue);
        return Escape(text);
    }

    /// <summary>Turns the escapes of every escaped element of <paramref name="document"/> (its text and attributes) back into their characters.</summary>
    public static void Unescape(XDocument document)
    {
        foreach (var element in document.Descendants().Where(e => (string?)e.Attribute(EscapedAttribute) == EscapedValue).ToList())
        {
            element.Attribute(EscapedAttribute)!.Remove();
            foreach (var attribute in element.Attributes()) attribute.Value = Unescape(attribute.Value);
            foreach (var text in element.Nodes().OfType<XText>()) text.Value = Unescape(text.Value);
        }
    }

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                escaped.Append(text, i++, 2);
            }
            else if (text[i] == '\\' || !XmlConvert.IsXmlChar(text[i]))
            {
                escaped.Append("\\u").Append(((int)text[i]).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(text[i]);
            }
        }
        return escaped.ToString();
    }

    public static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                plain.Append((char)code);
                i += 5;
            }
            else
            {
                plain.Append(text[i]);
            }
        }
        return plain.ToString();
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
