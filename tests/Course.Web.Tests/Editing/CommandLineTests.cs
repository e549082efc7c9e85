using System.Diagnostics;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>The site's commands from a real command line: Program dispatches them before serving, and exits.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("course-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_and_create_admin_run_against_a_fresh_database_and_exit()
    {
        var uSync = Path.Combine(folder, "uSync");
        CopyContent(Path.Combine(Repository.Root, "uSync"), uSync);
        var exported = Path.Combine(folder, "exported");

        var (exportCode, exportOutput) = await Site("export", "--folder", exported);
        var (adminCode, adminOutput) = await Site("create-admin", "--email", "cli@example.com", "--password", "Command-line-pass-1");
        var (againCode, _) = await Site("create-admin", "--email", "cli@example.com", "--password", "Command-line-pass-1");

        Assert.True(exportCode == 0, exportOutput);
        Assert.Contains("Exported 13 nodes", exportOutput);
        Assert.Equal(
            Directory.GetFiles(Path.Combine(uSync, "v17", "Content")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(exported, "v17", "Content")).Select(Path.GetFileName).Order());
        Assert.True(adminCode == 0, adminOutput);
        Assert.Contains("Created cli@example.com.", adminOutput);
        Assert.Equal(1, againCode);
    }

    private async Task<(int ExitCode, string Output)> Site(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Course.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__CourseDb"] = $"Data Source={Path.Combine(folder, "course.db")}";
        start.Environment["Course__USync__Folder"] = Path.Combine(folder, "uSync");
        start.Environment["Course__Media__Folder"] = Path.Combine(folder, "media");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static void CopyContent(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
