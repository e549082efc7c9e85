using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Core.Captions;

/// <summary>BCP 47 language tags as caption tracks use them: language, optional script, region and variants.</summary>
public static partial class LanguageTag
{
    /// <summary>The tag in its conventional casing (<c>pt-BR</c>, <c>zh-Hant-TW</c>), or null when it is not one.</summary>
    public static string? Normalize(string? tag)
    {
        tag = tag?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(tag) || tag.Length > 35 || !Shape().IsMatch(tag)) return null;
        var parts = tag.Split('-');
        return string.Join('-', parts.Select((part, i) => i == 0 ? part.ToLowerInvariant()
            : part.Length == 4 && char.IsAsciiLetter(part[0]) ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
            : part.Length == 2 ? part.ToUpperInvariant()
            : part.ToLowerInvariant()));
    }

    /// <summary>The language's own name when the platform knows it ("English", "Deutsch"), else the tag.</summary>
    public static string DisplayName(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            var name = culture.NativeName;
            return string.IsNullOrEmpty(name) || culture.Equals(CultureInfo.InvariantCulture) ? tag : char.ToUpper(name[0], culture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$")]
    private static partial Regex Shape();
}
