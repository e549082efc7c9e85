using System.Xml;
using System.Xml.Linq;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// A uSync folder on disk (the repository's <c>uSync/</c>): Course's content under <c>v17/Content</c>,
/// its schema under <c>v17/DataTypes</c> and <c>v17/ContentTypes</c>.
/// </summary>
public sealed class USyncFolder(string root)
{
    private const string Extension = ".config";

    private readonly USyncContentSerializer _serializer = new();

    public string Root { get; } = root;

    private string VersionFolder => Path.Combine(Root, "v17");
    private string ContentFolder => Path.Combine(VersionFolder, "Content");
    private string VersionFile => Path.Combine(VersionFolder, "usync" + Extension);

    /// <summary>
    /// Reads every content file. A file that cannot be read is reported with its name and line and
    /// skipped; the rest load.
    /// </summary>
    public USyncContent ReadContent()
    {
        var videos = new List<Video>();
        var techniques = new List<Technique>();
        var problems = new List<USyncProblem>();
        var seen = new Dictionary<Guid, string>();
        foreach (var path in ContentFiles())
        {
            var file = Path.GetFileName(path);
            try
            {
                var node = _serializer.Deserialize(USyncFile.Read(path), file);
                if (seen.TryGetValue(node.Key, out var first))
                {
                    problems.Add(new(file, null, $"key {node.Key} is already used by {first}"));
                    continue;
                }
                seen[node.Key] = file;
                if (node is USyncVideo video) videos.Add(video.Video);
                else if (node is USyncTechnique technique) techniques.Add(technique.Technique);
            }
            catch (XmlException e)
            {
                problems.Add(new(file, e.LineNumber > 0 ? e.LineNumber : null, e.Message));
            }
            catch (USyncFormatException e)
            {
                problems.Add(e.Problem);
            }
            catch (IOException e)
            {
                problems.Add(new(file, null, e.Message));
            }
        }
        return new(videos, techniques, problems);
    }

    public void Write(Video video) => Edit().Write(video);

    public void Write(Technique technique) => Edit().Write(technique);

    /// <summary>Removes the node's file (every file carrying its key).</summary>
    public void Delete(Guid key) => Edit().Delete(key);

    /// <summary>
    /// Writes and removes several nodes' files with one read of the folder's keys. Read once per node, the files of an
    /// import of 1,000 techniques meant reading a million files, and the refresh pipeline waited minutes for them.
    /// </summary>
    public Editing Edit() => new(this, KeysByFile());

    /// <summary>Changes to the folder that share what it held when they began, kept in step as they go.</summary>
    public sealed class Editing(USyncFolder folder, Dictionary<string, Guid?> existing)
    {
        public void Write(Video video) => Write(video.Key, video.Title, folder._serializer.Serialize(video));

        public void Write(Technique technique) => Write(technique.Key, technique.Name, folder._serializer.Serialize(technique));

        public void Delete(Guid key) => RemoveFilesOf(key, except: null);

        /// <summary>Removes a content file named by <see cref="USyncDifference.File"/> (an orphan).</summary>
        public void DeleteFile(string relativePath)
        {
            var path = Path.Combine(folder.Root, relativePath);
            File.Delete(path);
            existing.Remove(path);
        }

        /// <summary>
        /// Writes the node's file, named after the node, and removes any other file carrying its key,
        /// so that renaming a node leaves no stale file behind.
        /// </summary>
        private void Write(Guid key, string nodeName, XDocument document)
        {
            // The first name no other node's (or unreadable) file holds: never write over another node's file. The last
            // name carries the whole key, so only a file named after this very node can be in its way there.
            var paths = USyncNames.FileNames(nodeName, key).Select(name => Path.Combine(folder.ContentFolder, name + Extension)).ToList();
            var path = paths.FirstOrDefault(candidate => !existing.TryGetValue(candidate, out var occupant) || occupant == key) ?? paths[^1];
            USyncFile.Write(path, document);
            RemoveFilesOf(key, except: path);
            existing[path] = key;
        }

        private void RemoveFilesOf(Guid key, string? except)
        {
            foreach (var (path, _) in existing.Where(file => file.Value == key && file.Key != except).ToList())
            {
                File.Delete(path);
                existing.Remove(path);
            }
        }
    }

    /// <summary>
    /// How the content files differ from the nodes the database holds: a node without a file (missing), a
    /// file that is not what the node writes today or not under its name (stale), a file of a node the
    /// database no longer has (orphaned), a file whose key cannot be read (unreadable: left for a person).
    /// </summary>
    public IReadOnlyList<USyncDifference> Compare(IReadOnlyCollection<Video> videos, IReadOnlyCollection<Technique> techniques)
    {
        var files = KeysByFile();
        var filesByKey = files.Where(f => f.Value is not null).GroupBy(f => f.Value!.Value).ToDictionary(g => g.Key, g => g.Select(f => f.Key).ToList());
        var differences = new List<USyncDifference>();
        foreach (var video in videos) Check(video.Key, video.Title, _serializer.Serialize(video));
        foreach (var technique in techniques) Check(technique.Key, technique.Name, _serializer.Serialize(technique));
        var known = videos.Select(v => v.Key).Concat(techniques.Select(t => t.Key)).ToHashSet();
        foreach (var (path, key) in files)
        {
            // A file the database lacks is only an orphan when it reads as content: one with a defect may be a node
            // an import skipped, so it is left for a person, like a file without a readable key.
            if (key is null || (!known.Contains(key.Value) && !ReadsAsContent(path))) differences.Add(new(USyncDrift.Unreadable, key, Relative(path)));
            else if (!known.Contains(key.Value)) differences.Add(new(USyncDrift.Orphaned, key, Relative(path)));
        }
        return differences;

        void Check(Guid key, string nodeName, XDocument document)
        {
            var names = USyncNames.FileNames(nodeName, key);
            if (!filesByKey.TryGetValue(key, out var paths))
            {
                differences.Add(new(USyncDrift.Missing, key, Relative(Path.Combine(ContentFolder, names[0] + Extension))));
                return;
            }
            var inStep = paths is [var only]
                && names.Contains(Path.GetFileNameWithoutExtension(only))
                && File.ReadAllBytes(only).AsSpan().SequenceEqual(USyncFile.Bytes(document));
            if (!inStep) differences.Add(new(USyncDrift.Stale, key, Relative(paths[0])));
        }
    }

    private bool ReadsAsContent(string path)
    {
        try
        {
            _serializer.Deserialize(USyncFile.Read(path), Path.GetFileName(path));
            return true;
        }
        catch (Exception e) when (e is XmlException or USyncFormatException or IOException)
        {
            return false;
        }
    }

    private string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>True once <see cref="WriteSchema"/> has written the folder's version file.</summary>
    public bool HasSchema => File.Exists(VersionFile);

    /// <summary>Writes <c>usync.config</c>, Course's own data types and its document types.</summary>
    public void WriteSchema()
    {
        USyncFile.Write(VersionFile, USyncSchemaSerializer.VersionFile());
        foreach (var dataType in CourseSchema.OwnDataTypes)
        {
            USyncFile.Write(
                Path.Combine(VersionFolder, "DataTypes", USyncNames.Alias(dataType.Name) + Extension),
                USyncSchemaSerializer.Serialize(dataType));
        }
        foreach (var type in CourseSchema.DocumentTypes)
        {
            USyncFile.Write(
                Path.Combine(VersionFolder, "ContentTypes", type.Alias.ToLowerInvariant() + Extension),
                USyncSchemaSerializer.Serialize(type));
        }
    }

    private Dictionary<string, Guid?> KeysByFile() => ContentFiles().ToDictionary(path => path, USyncFile.ReadKey);

    private IEnumerable<string> ContentFiles() =>
        Directory.Exists(ContentFolder)
            ? Directory.EnumerateFiles(ContentFolder, "*" + Extension).Order(StringComparer.Ordinal)
            : [];
}
