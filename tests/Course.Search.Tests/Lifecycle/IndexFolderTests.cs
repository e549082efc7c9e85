using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Tests.Seed;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Course.Search.Tests.Lifecycle;

/// <summary>At start the index is reused when sound, and rebuilt when missing, empty, damaged or of another schema version.</summary>
public sealed class IndexFolderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly Core.Content.PublishedContent content = SeedCourse.Content();

    [Fact]
    public async Task Missing_index_is_built_then_reused()
    {
        using (var first = await Open())
        {
            Assert.Equal("missing", first.Opening.RebuildReason);
            Assert.Equal(SeedCourse.Documents, first.Opening.Documents);
        }
        using var second = await Open();
        Assert.False(second.Opening.Rebuilt);
        Assert.Equal(SeedCourse.Documents, second.DocumentCount);
    }

    [Fact]
    public async Task Damaged_file_is_found_and_the_index_rebuilt()
    {
        (await Open()).Dispose();
        // Overwrite the middle of the largest file (a compound segment): opening alone would not read it.
        var largest = new DirectoryInfo(folder.Path).GetFiles().OrderByDescending(f => f.Length).First();
        using (var stream = File.Open(largest.FullName, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            stream.Write(Enumerable.Repeat((byte)0x5A, 64).ToArray());
        }
        using var index = await Open();
        Assert.StartsWith("unreadable", index.Opening.RebuildReason);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Garbage_in_every_file_is_replaced_by_a_rebuilt_index()
    {
        (await Open()).Dispose();
        foreach (var file in System.IO.Directory.GetFiles(folder.Path)) File.WriteAllText(file, "not an index");
        using var index = await Open();
        Assert.StartsWith("unreadable", index.Opening.RebuildReason);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Truncated_segments_file_is_rebuilt()
    {
        (await Open()).Dispose();
        var segments = System.IO.Directory.GetFiles(folder.Path, "segments_*").Single();
        File.WriteAllBytes(segments, File.ReadAllBytes(segments)[..10]);
        using var index = await Open();
        Assert.True(index.Opening.Rebuilt);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Index_of_another_schema_version_is_rebuilt()
    {
        WriteIndex("course-0", documents: 1);
        using var index = await Open();
        Assert.Equal($"written by schema version course-0, expected {CourseIndexSchema.Definition.Version}", index.Opening.RebuildReason);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Empty_index_is_rebuilt()
    {
        WriteIndex(CourseIndexSchema.Definition.Version, documents: 0);
        using var index = await Open();
        Assert.Equal("empty", index.Opening.RebuildReason);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Failed_rebuild_leaves_nothing_the_next_start_would_reuse()
    {
        var undeclared = new ValueSet("x", CourseIndexSchema.Technique, null, new Dictionary<string, IReadOnlyList<object>> { ["colour"] = ["red"] });
        using (var failed = CourseIndex.Open(folder.Path, CourseIndexSchema.Definition))
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() =>
                failed.EnsureBuiltAsync(() => ContentValueSets.All(content).Append(undeclared).ToAsyncEnumerable()));
            Assert.Contains("undeclared field 'colour'", error.Message);
        }
        using var index = await Open();
        Assert.True(index.Opening.Rebuilt);
        Assert.Equal(SeedCourse.Documents, index.DocumentCount);
    }

    [Fact]
    public async Task Changes_merged_in_the_background_are_committed_whole_and_leave_no_stray_files()
    {
        using (var index = await Open())
        {
            // A commit and a small segment per change: enough for the writer to merge small segments on its merge thread.
            foreach (var valueSet in ContentValueSets.All(content).Take(30)) index.IndexItems([valueSet]);
        }
        using (var directory = FSDirectory.Open(folder.Path))
        {
            var committed = new SegmentInfos();
            committed.Read(directory);
            // A merged segment is plain files (written and fsynced by the merge thread), not a compound file.
            var merged = committed.Where(s => s.Info.Diagnostics["source"] == "merge").ToList();
            Assert.NotEmpty(merged);
            Assert.All(merged, s => Assert.False(s.Info.UseCompoundFile));
            // Every file Lucene deleted was unlinked by the time the index was disposed.
            var named = committed.GetFiles(directory, includeSegmentsFile: true).Append(IndexFileNames.SEGMENTS_GEN).Append("write.lock");
            Assert.Empty(directory.ListAll().Except(named));
        }
        using var reopened = await Open();
        Assert.False(reopened.Opening.Rebuilt);
        Assert.Equal(SeedCourse.Documents, reopened.DocumentCount);
    }

    public void Dispose() => folder.Dispose();

    private Task<CourseIndex> Open() => SeedCourse.OpenIndex(folder.Path, content);

    // A sound Lucene index with the given schema marker, as another version of the site would leave it.
    private void WriteIndex(string version, int documents)
    {
        using var directory = FSDirectory.Open(folder.Path);
        using var analyzer = new Analysis.SearchAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.SearchAnalyzer.Version, analyzer));
        for (var i = 0; i < documents; i++)
            writer.AddDocument([new Lucene.Net.Documents.StringField(IndexSchema.IdField, $"old-{i}", Lucene.Net.Documents.Field.Store.YES)]);
        writer.SetCommitData(new Dictionary<string, string> { [CourseIndex.SchemaVersionKey] = version });
        writer.Commit();
    }
}
