namespace Course.Search.Indexing;

/// <summary>
/// The index folder cannot hold an index: the message names the path, what is there and what to do. A folder
/// the index can use is rebuilt from the database whatever it holds; this is for paths it cannot use at all.
/// </summary>
public sealed class UnusableIndexFolderException(string folder, string found, Exception? inner = null) : Exception(
    $"""
    The search index folder {Path.GetFullPath(folder)} cannot be used: {found}.
    Nothing was changed. Point Course:Search:IndexFolder at a folder the site may write (a new one is fine: the
    index is rebuilt there from the database at start), or move what is at that path away and start again.
    """, inner)
{
    public static void ThrowIfFile(string folder)
    {
        if (File.Exists(folder)) throw new UnusableIndexFolderException(folder, "it is a file, not a folder");
    }
}
