using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Course.Web.Tests.Site;

/// <summary>
/// The whole site in process on a temporary SQLite file, seeded from a copy of the repository's
/// <c>uSync/</c> folder (so editor writes never touch the repository).
/// </summary>
public sealed class CourseSite : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("course-site-").FullName;
    public string USyncFolder => Path.Combine(Folder, "uSync");
    public string DatabaseFile => Path.Combine(Folder, "course.db");
    /// <summary>The search index folder; a test may point <c>Course:Search:IndexFolder</c> elsewhere through <see cref="Settings"/>.</summary>
    public string IndexFolder => Path.Combine(Folder, "Index");

    public CourseSite()
    {
        CopyDirectory(Path.Combine(Repository.Root, "uSync"), USyncFolder);
    }

    /// <summary>Extra configuration a test class needs, e.g. <c>Course:ManagementApiKey</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Services a test class adds or replaces, after the site's own.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> TestServices { get; set; } = _ => { };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => TestServices(services));
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CourseDb", $"Data Source={DatabaseFile};Default Timeout=30");
        builder.UseSetting("Course:USync:Folder", USyncFolder);
        builder.UseSetting("Course:Search:IndexFolder", IndexFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* a reader may still hold a file: the OS cleans temp */ }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

public static class Repository
{
    /// <summary>The checkout's top folder: the one holding Course.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One site shared by the read-only tests of the pages and public APIs.</summary>
[CollectionDefinition(Name)]
public sealed class SeededSiteCollection : ICollectionFixture<CourseSite>
{
    public const string Name = "seeded site";
}
