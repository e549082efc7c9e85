using Course.Core.Content;
using Course.Data.USync;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;

namespace Course.Search.Tests.Seed;

/// <summary>The repository's seed course (uSync/) and its synonym list, as the site loads them.</summary>
public static class SeedCourse
{
    public const string VideoSlug = "sciatica-myofascial-release";

    public static string Root { get; } = FindRoot();

    public static PublishedContent Content()
    {
        var content = new USyncFolder(Path.Combine(Root, "uSync")).ReadContent();
        Assert.Empty(content.Problems);
        return new PublishedContent(content.Videos, content.Techniques);
    }

    public static SynonymList Synonyms()
    {
        using var analyzer = new SearchAnalyzer();
        var list = SynonymList.Parse(
            File.ReadLines(Path.Combine(Root, "src", "Course.Web", "search-synonyms.txt")), analyzer, CourseIndexSchema.Title);
        Assert.Empty(list.Problems);
        return list;
    }

    /// <summary>Documents the seed makes: 11 techniques, 2 videos, 18 + 5 chapters (transcripts come from their own populator).</summary>
    public const int Documents = 36;

    /// <summary>The index in <paramref name="folder"/>, built from <paramref name="content"/> when it cannot be reused.</summary>
    public static async Task<CourseIndex> OpenIndex(string folder, PublishedContent content)
    {
        var index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        await index.EnsureBuiltAsync(() => ContentValueSets.All(content).ToAsyncEnumerable());
        return index;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A folder under the system's temporary folder, removed afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("course-index-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}

/// <summary>An index of the seed course in a temporary folder, with a searcher using the site's synonyms.</summary>
public sealed class SeededIndex : IAsyncLifetime, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public PublishedContent Content { get; set; } = SeedCourse.Content();
    public CourseIndex Index { get; private set; } = null!;
    public CourseSearcher Searcher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Index = await SeedCourse.OpenIndex(folder.Path, Content);
        Searcher = new CourseSearcher(Index, SeedCourse.Synonyms());
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public string Folder => folder.Path;

    public SearchResults Search(string text, string? type = null, string? muscle = null, string? region = null, int pageSize = 10)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (type is not null) filters[CourseIndexSchema.Type] = [type];
        if (muscle is not null) filters[CourseIndexSchema.Muscle] = [muscle];
        if (region is not null) filters[CourseIndexSchema.Region] = [region];
        return Searcher.Search(new SearchRequest(text, filters, 1, pageSize));
    }

    public void Dispose()
    {
        Index.Dispose();
        folder.Dispose();
    }
}
