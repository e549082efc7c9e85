using Course.Core.Content;
using Course.Data.USync;

namespace Course.Data.Tests.USync;

public sealed class USyncFolderTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new();
    private readonly USyncFolder _folder;

    public USyncFolderTests() => _folder = new USyncFolder(_temporary.Path);

    public void Dispose() => _temporary.Dispose();

    private string ContentFolder => Path.Combine(_temporary.Path, "v17", "Content");

    private string[] ContentFiles() =>
        Directory.GetFiles(ContentFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Broken_files_are_reported_by_file_and_line_and_the_rest_load()
    {
        _folder.Write(SeedContent.Video);
        _folder.Write(SeedContent.PinAndStretch);
        var good = File.ReadAllText(Path.Combine(ContentFolder, "pin-and-stretch-for-the-external-hip-rotators.config"));
        var lines = good.Split('\n');
        // Malformed XML: a start tag not closed on line 4.
        File.WriteAllText(Path.Combine(ContentFolder, "malformed.config"),
            string.Join('\n', lines.Select((l, i) => i == 3 ? "    <Parent Key=\"00000000-0000-0000-0000-000000000000\"</Parent>" : l)));
        // No Key on the root element (line 2, after the declaration).
        File.WriteAllText(Path.Combine(ContentFolder, "keyless.config"), good.Replace("<Content Key=\"260e9af5-930a-45c4-989f-5d3addc4186b\"", "<Content"));
        // A chapter start that is not a number.
        var video = File.ReadAllText(Path.Combine(ContentFolder, "sciatica-myofascial-release-techniques.config"));
        var chaptersLine = video.Split('\n').ToList().FindIndex(l => l.Contains("<chapters>")) + 2;
        File.WriteAllText(Path.Combine(ContentFolder, "bad-start.config"),
            video.Replace("918c3086-e397-43a5-879b-bc1e6a347115", "00000000-0000-4000-8000-000000000001")
                .Replace("\"value\": 1104", "\"value\": \"18:24\""));

        var content = _folder.ReadContent();

        Assert.Equal([SeedContent.Video.Key], content.Videos.Select(v => v.Key));
        Assert.Equal([SeedContent.PinAndStretch.Key], content.Techniques.Select(t => t.Key));
        Assert.Equal(["bad-start.config", "keyless.config", "malformed.config"], content.Problems.Select(p => p.File));
        var (badStart, keyless, malformed) = (content.Problems[0], content.Problems[1], content.Problems[2]);
        Assert.Equal(chaptersLine, badStart.Line);
        Assert.Contains("chapter 17 (88dc965b-4209-48e6-828d-636f4f434651) start is \"18:24\", not a whole number of seconds", badStart.Message);
        Assert.Equal(2, keyless.Line);
        Assert.Equal("keyless.config line 2: <Content> has no Key attribute", keyless.ToString());
        Assert.StartsWith("malformed.config line 4: ", malformed.ToString());
    }

    [Fact]
    public void Two_files_with_one_key_load_once_and_the_second_is_reported()
    {
        _folder.Write(SeedContent.OpenFists);
        File.Copy(Path.Combine(ContentFolder, "open-fists-for-myofascial-release.config"), Path.Combine(ContentFolder, "z-copy.config"));

        var content = _folder.ReadContent();

        Assert.Single(content.Techniques);
        Assert.Equal("z-copy.config", Assert.Single(content.Problems).File);
    }

    [Fact]
    public void Files_are_named_after_the_node()
    {
        _folder.Write(SeedContent.Video);
        _folder.Write(SeedContent.MyofascialAngle);
        _folder.Write(SeedContent.GlutealLandmarks with { Name = "Crème brûlée: v1.2 (draft)" });

        Assert.Equal(
            ["creme-brulee-v1.2-draft.config", "sciatica-myofascial-release-techniques.config", "the-myofascial-angle-for-touch-sensitive-clients.config"],
            ContentFiles());
    }

    [Fact]
    public void A_name_clash_gets_the_short_key_appended()
    {
        _folder.Write(SeedContent.OpenFists);
        _folder.Write(SeedContent.HipInAbduction with { Name = SeedContent.OpenFists.Name });
        _folder.Write(SeedContent.OpenFists with { Summary = "Rewritten" });

        // The short key as uSync computes it for 43f72263-ee97-40fb-a3e7-982e01b7cd1a.
        Assert.Equal(["open-fists-for-myofascial-release.config", "open-fists-for-myofascial-release_mmrpoq2x.config"], ContentFiles());
        Assert.Equal(2, _folder.ReadContent().Techniques.Count);
    }

    [Fact]
    public void A_clash_of_short_keys_too_gets_the_whole_key_and_overwrites_no_other_node()
    {
        // Keys alike in their first five bytes (sequential ones) share uSync's short key.
        Technique Numbered(int n) => SeedContent.OpenFists with { Key = new Guid($"00000001-0000-0000-{n:x4}-000000000000") };
        Technique[] alike = [Numbered(1), Numbered(2), Numbered(3)];
        foreach (var technique in alike) _folder.Write(technique);
        _folder.Write(alike[2] with { Summary = "Rewritten" });

        Assert.Equal(
            ["open-fists-for-myofascial-release.config", "open-fists-for-myofascial-release_00000001000000000003000000000000.config",
             "open-fists-for-myofascial-release_aeaaaaaa.config"],
            ContentFiles());
        Assert.Equal(alike.Select(t => t.Key).Order(), _folder.ReadContent().Techniques.Select(t => t.Key).Order());
        Assert.Empty(_folder.Compare([], [alike[0], alike[1], alike[2] with { Summary = "Rewritten" }]));
    }

    [Fact]
    public void Renaming_a_node_removes_its_old_file()
    {
        _folder.Write(SeedContent.OpenFists);
        _folder.Write(SeedContent.OpenFists with { Name = "Loose fists" });

        Assert.Equal(["loose-fists.config"], ContentFiles());
        Assert.Equal("Loose fists", Assert.Single(_folder.ReadContent().Techniques).Name);
    }

    [Fact]
    public void Delete_removes_the_node_file_only()
    {
        _folder.Write(SeedContent.OpenFists);
        _folder.Write(SeedContent.PinAndStretch);

        _folder.Delete(SeedContent.OpenFists.Key);
        _folder.Delete(Guid.NewGuid());

        Assert.Equal(["pin-and-stretch-for-the-external-hip-rotators.config"], ContentFiles());
    }

    [Fact]
    public void Writing_over_a_file_leaves_no_temporary_file_behind()
    {
        _folder.Write(SeedContent.Video);
        _folder.Write(SeedContent.Video with { Description = "Changed" });

        Assert.Equal(["sciatica-myofascial-release-techniques.config"], Directory.GetFiles(ContentFolder).Select(Path.GetFileName));
        Assert.Equal("Changed", Assert.Single(_folder.ReadContent().Videos).Description);
    }

    [Fact]
    public void Compare_names_files_of_nodes_the_database_lacks_as_orphaned_and_removes_nothing()
    {
        _folder.Write(SeedContent.OpenFists);
        _folder.Write(SeedContent.PinAndStretch);
        File.WriteAllText(Path.Combine(ContentFolder, "unreadable.config"), "<Content");

        var differences = _folder.Compare([], [SeedContent.PinAndStretch]);

        Assert.Equal(
            [(USyncDrift.Orphaned, "open-fists-for-myofascial-release.config"), (USyncDrift.Unreadable, "unreadable.config")],
            differences.Select(d => (d.Drift, Path.GetFileName(d.File))).Order());
        Assert.Equal(["open-fists-for-myofascial-release.config", "pin-and-stretch-for-the-external-hip-rotators.config", "unreadable.config"], ContentFiles());
    }

    [Fact]
    public void The_schema_is_there_once_written()
    {
        Assert.False(_folder.HasSchema);
        _folder.WriteSchema();
        Assert.True(_folder.HasSchema);
    }

    [Fact]
    public void A_node_whose_stored_text_xml_cannot_hold_is_written_over_its_old_file_and_reads_back()
    {
        _folder.Write(SeedContent.Video);
        var stored = SeedContent.Video with { Title = "Sciatica\u0001 myofascial release techniques", Description = "NUL \u0000 and \u001f: " + SeedContent.Video.Description };

        _folder.Write(stored);

        var file = Assert.Single(Directory.GetFiles(ContentFolder));
        Assert.Equal("sciatica-myofascial-release-techniques.config", Path.GetFileName(file));
        var read = Assert.Single(_folder.ReadContent().Videos);
        Assert.Equal(stored.Title, read.Title);
        Assert.Equal(stored.Description, read.Description);
    }

    [Fact]
    public void An_empty_or_missing_folder_has_no_content()
    {
        var content = new USyncFolder(Path.Combine(_temporary.Path, "nowhere")).ReadContent();

        Assert.Empty(content.Videos);
        Assert.Empty(content.Techniques);
        Assert.Empty(content.Problems);
    }

    [Fact]
    public void The_schema_is_written_the_same_every_time()
    {
        _folder.WriteSchema();
        var first = Snapshot(_temporary.Path);
        _folder.WriteSchema();

        Assert.Equal(first, Snapshot(_temporary.Path));
        Assert.Equal(
            ["v17/ContentTypes/caption.config", "v17/ContentTypes/chapter.config", "v17/ContentTypes/coursevideo.config", "v17/ContentTypes/technique.config",
             "v17/DataTypes/Captions.config", "v17/DataTypes/ChapterTechniques.config", "v17/DataTypes/Chapters.config", "v17/DataTypes/CourseChapters.config", "v17/DataTypes/Muscles.config",
             "v17/DataTypes/Regions.config", "v17/usync.config"],
            first.Keys);
    }

    /// <summary>Every file under a folder, by relative path, with its bytes as hex for readable diffs.</summary>
    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(folder, path).Replace('\\', '/'),
            path => Convert.ToHexString(File.ReadAllBytes(path))), StringComparer.Ordinal);
}
