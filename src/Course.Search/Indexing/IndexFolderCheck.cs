using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Course.Search.Indexing;

/// <summary>Decides at start whether the index on disk can be reused.</summary>
internal static class IndexFolderCheck
{
    /// <summary>Why the index in <paramref name="folder"/> must be rebuilt, or null when it can be reused.</summary>
    public static string? Problem(string folder, IndexSchema schema)
    {
        using var directory = FSDirectory.Open(folder);
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return "missing";
            using var reader = DirectoryReader.Open(directory);
            var version = reader.IndexCommit.UserData.TryGetValue(CourseIndex.SchemaVersionKey, out var v) ? v : "none";
            if (version != schema.Version) return $"written by schema version {version}, expected {schema.Version}";
            if (reader.NumDocs == 0) return "empty";
            // Checksums of every file: catches damage that opening alone does not read.
            foreach (var leaf in reader.Leaves) leaf.AtomicReader.CheckIntegrity();
            return null;
        }
        // Whatever a damaged file makes Lucene throw, the answer is the same: the database rebuilds it.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"unreadable ({e.GetType().Name}: {e.Message})";
        }
    }

    /// <summary>Deletes everything in the folder, which belongs to the index, before a rebuild.</summary>
    public static void Empty(string folder)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(folder)) File.Delete(file);
        foreach (var child in System.IO.Directory.EnumerateDirectories(folder)) System.IO.Directory.Delete(child, recursive: true);
    }
}
