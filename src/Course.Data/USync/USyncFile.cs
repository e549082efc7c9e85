using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Course.Data.USync;

/// <summary>One uSync <c>.config</c> file on disk, in the bytes uSync itself writes.</summary>
internal static class USyncFile
{
    // XElement.Save as uSync calls it: UTF-8 with a BOM, declaration, two-space indent, no final newline.
    // LF is fixed here (uSync uses the platform's) so that files are identical on every machine.
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static byte[] Bytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings)) document.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes to a temporary file in the same folder, flushed to disk, then renames it over the target:
    /// a crash leaves the old file or the new one, never half of one.
    /// </summary>
    public static void Write(string path, XDocument document)
    {
        var bytes = Bytes(document);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Not *.config, so that a reader never mistakes a leftover for content.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Reads a file with line numbers kept for error messages; a BOM is optional.</summary>
    public static XDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return XDocument.Load(stream, LoadOptions.SetLineInfo);
    }

    /// <summary>The <c>Key</c> attribute of the file's root element, read without loading the rest; null when unreadable.</summary>
    public static Guid? ReadKey(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path);
            return reader.MoveToContent() == XmlNodeType.Element
                && Guid.TryParse(reader.GetAttribute("Key"), out var key) ? key : null;
        }
        catch (Exception e) when (e is XmlException or IOException)
        {
            return null;
        }
    }
}
