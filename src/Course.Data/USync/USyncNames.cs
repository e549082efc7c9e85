using System.Globalization;
using System.Text;

namespace Course.Data.USync;

/// <summary>How uSync names things on disk and in paths.</summary>
internal static class USyncNames
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz012345";

    /// <summary>
    /// A content file's name (without <c>.config</c>) for a node name: lower case ASCII letters and digits,
    /// other characters become single dashes, dots are kept, as Umbraco's safe file names are.
    /// </summary>
    private static string FileName(string nodeName, Guid key)
    {
        var name = new StringBuilder();
        var pendingDash = false;
        foreach (var c in WithoutAccents(nodeName).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (pendingDash && name.Length > 0) name.Append('-');
                name.Append(c);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }
        var result = name.ToString().Trim('.');
        if (result.Length == 0) return key.ToString();
        // uSync renames these too: web.config or app.config in a site's tree upsets builds and publishing.
        return result is "web" or "app" ? $"__{result}__" : result;
    }

    /// <summary>
    /// The names a node's content file may have, in the order they are tried: its <see cref="FileName"/>; on a clash,
    /// with uSync's <see cref="ShortKey"/> appended; and when that is taken too (keys alike in their first five bytes,
    /// as sequential keys are), with the whole key, which uSync does not write but reads like any other file name.
    /// </summary>
    public static IReadOnlyList<string> FileNames(string nodeName, Guid key)
    {
        var name = FileName(nodeName, key);
        return [name, $"{name}_{ShortKey(key)}", $"{name}_{key:N}"];
    }

    /// <summary>A name made a safe alias, as uSync writes in <c>Path</c> and data type file names: PascalCase ASCII.</summary>
    public static string Alias(string name)
    {
        var alias = new StringBuilder();
        var wordStart = true;
        foreach (var c in WithoutAccents(name))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                wordStart = true;
                continue;
            }
            alias.Append(wordStart ? char.ToUpperInvariant(c) : c);
            wordStart = false;
        }
        return alias.ToString();
    }

    /// <summary>
    /// uSync's short key for telling clashing file names apart: eight base-32 characters from the key's
    /// first five bytes, computed bit for bit as uSync (and Umbraco's GuidUtils) do, including their
    /// fourth character, which takes its low bit unshifted.
    /// </summary>
    public static string ShortKey(Guid key)
    {
        var b = key.ToByteArray();
        int[] digits =
        [
            (b[0] & 0b1111_1000) >> 3,
            ((b[0] & 0b0000_0111) << 2) | ((b[1] & 0b1100_0000) >> 6),
            (b[1] & 0b0011_1110) >> 1,
            (b[1] & 0b0000_0001) | ((b[2] & 0b1111_0000) >> 4),
            ((b[2] & 0b0000_1111) << 1) | ((b[3] & 0b1000_0000) >> 7),
            (b[3] & 0b0111_1100) >> 2,
            ((b[3] & 0b0000_0011) << 3) | ((b[4] & 0b1110_0000) >> 5),
            b[4] & 0b0001_1111,
        ];
        return string.Concat(digits.Select(d => Base32[d]));
    }

    private static string WithoutAccents(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        }
        return plain.ToString();
    }
}
