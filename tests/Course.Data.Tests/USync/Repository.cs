namespace Course.Data.Tests.USync;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string USyncFolder => Path.Combine(Root, "uSync");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Course.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Course.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A folder under the system's temporary folder, removed after the test.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "course-usync-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
