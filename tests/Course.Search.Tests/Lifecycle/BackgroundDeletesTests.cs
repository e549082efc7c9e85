using Course.Search.Indexing;
using Course.Search.Tests.Seed;
using Lucene.Net.Store;

namespace Course.Search.Tests.Lifecycle;

/// <summary>Files Lucene deletes are gone for it at once and unlinked later, and never take a new file of the same name.</summary>
public sealed class BackgroundDeletesTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void Deleted_file_is_neither_listed_nor_found_and_is_unlinked_by_dispose()
    {
        using (var directory = new BackgroundDeletes(FSDirectory.Open(folder.Path)))
        {
            Write(directory, "_0.cfs", 1);
            Write(directory, "_1.cfs", 2);
            directory.DeleteFile("_0.cfs");
#pragma warning disable CS0618 // FileExists is what Lucene 4.8 still calls
            Assert.False(directory.FileExists("_0.cfs"));
#pragma warning restore CS0618
            Assert.Equal(["_1.cfs"], directory.ListAll());
            Assert.Throws<FileNotFoundException>(() => directory.OpenInput("_0.cfs", IOContext.READ));
            Assert.Throws<FileNotFoundException>(() => directory.DeleteFile("_0.cfs"));
        }
        Assert.Equal(["_1.cfs"], System.IO.Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Deleting_a_missing_file_throws_as_Lucene_expects()
    {
        using var directory = new BackgroundDeletes(FSDirectory.Open(folder.Path));
        Assert.Throws<FileNotFoundException>(() => directory.DeleteFile("segments_9"));
    }

    [Fact]
    public void Name_written_again_after_its_delete_keeps_the_new_file()
    {
        // As Lucene rewrites segments.gen at every commit: delete, then create under the same name, many times over so
        // the queued unlinks land before, during and after the rewrites.
        using (var directory = new BackgroundDeletes(FSDirectory.Open(folder.Path)))
        {
            for (byte round = 0; round < 200; round++)
            {
                Write(directory, "segments.gen", round);
                directory.DeleteFile("segments.gen");
            }
            Write(directory, "segments.gen", 200);
        }
        Assert.Equal([200], File.ReadAllBytes(Path.Combine(folder.Path, "segments.gen")));
    }

    public void Dispose() => folder.Dispose();

    private static void Write(Lucene.Net.Store.Directory directory, string name, byte value)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteByte(value);
    }
}
