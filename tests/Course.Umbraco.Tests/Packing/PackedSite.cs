using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Course.Umbraco.Tests.Packing;

/// <summary>
/// <c>dotnet pack</c> of Course.Umbraco into a local folder feed, then a throw-away site (<c>PackedSite/</c>, shaped like
/// an Umbraco 17 site as far as Umbraco.Cms.Core allows) that installs the package from that feed, is published and
/// runs as its own process. Restore reuses the machine's NuGet cache read-only (a fallback folder) and puts only the
/// freshly packed Course.Umbraco in a folder of its own, so a stale copy can never be picked up and the shared cache
/// is never written.
/// </summary>
public sealed class PackedSite : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string folder = Directory.CreateTempSubdirectory("course-umbraco-pack-").FullName;
    private Process? site;
    private readonly StringBuilder siteOutput = new();

    /// <summary>A version of its own each run: no cache anywhere can hold it.</summary>
    public string Version { get; } = $"1.0.0-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public string Package => Path.Combine(folder, "feed", $"Course.Umbraco.{Version}.nupkg");
    public string Published => Path.Combine(folder, "site", "out");
    public TimeSpan PackTime { get; private set; }
    public TimeSpan PublishTime { get; private set; }
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        // --no-build: the package is made of what the test project's build already compiled.
        await DotnetAsync(Repository.Root, "pack", Path.Combine("src", "Course.Umbraco", "Course.Umbraco.csproj"), "-c", Configuration, "--no-build",
            "-nologo", "-o", Path.Combine(folder, "feed"), $"-p:PackageVersion={Version}");
        PackTime = started.Elapsed;

        var siteFolder = WriteSite();
        started.Restart();
        await DotnetAsync(siteFolder, "publish", "-c", "Release", "-nologo", "-o", Published, $"-p:CourseUmbracoVersion={Version}");
        PublishTime = started.Elapsed;

        Address = await StartAsync();
    }

    /// <summary>The site's files, the test content (real Umbraco <c>Content</c> objects) and a NuGet.config naming the feed.</summary>
    private string WriteSite()
    {
        var siteFolder = Path.Combine(folder, "site");
        var source = Path.Combine(Repository.Root, "tests", "Course.Umbraco.Tests", "PackedSite");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            Copy(file, Path.Combine(siteFolder, Path.GetRelativePath(source, file)));
        Copy(Path.Combine(Repository.Root, "tests", "Course.Umbraco.Tests", "UmbracoContent.cs"), Path.Combine(siteFolder, "UmbracoContent.cs"));
        Copy(Path.Combine(AppContext.BaseDirectory, "Seed", "sciatica-tutorial.txt"), Path.Combine(siteFolder, "Seed", "sciatica-tutorial.txt"));
        Copy(CaptionTests.ReadAloudFile, Path.Combine(siteFolder, "Seed", Path.GetFileName(CaptionTests.ReadAloudFile)));

        var sharedCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(siteFolder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="course-feed" value="{Path.Combine(folder, "feed")}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(folder, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="shared-cache" value="{sharedCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return siteFolder;
    }

    private async Task<Uri> StartAsync()
    {
        var port = FreePort();
        var start = Start("dotnet", Published);
        start.ArgumentList.Add(Path.Combine(Published, "PackedSite.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Umbraco's own SQLite connection string: the package keeps its comment tables in the site's database.
        start.Environment["ConnectionStrings__umbracoDbDSN"] = "Data Source=|DataDirectory|/Umbraco.sqlite.db;Cache=Shared;Foreign Keys=True;Pooling=True";
        start.Environment["ConnectionStrings__umbracoDbDSN_ProviderName"] = "Microsoft.Data.Sqlite";
        start.Environment["Course__Comments__PermitsPerMinute"] = "2";
        site = Process.Start(start)!;
        site.OutputDataReceived += (_, e) => { lock (siteOutput) siteOutput.AppendLine(e.Data); };
        site.ErrorDataReceived += (_, e) => { lock (siteOutput) siteOutput.AppendLine(e.Data); };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address };
        for (var until = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < until; await Task.Delay(250))
        {
            if (site.HasExited) throw new InvalidOperationException($"The packed site exited with {site.ExitCode}:\n{SiteOutput}");
            try
            {
                if ((await client.GetAsync("/App_Plugins/Course.Umbraco/umbraco-package.json")).IsSuccessStatusCode) return address;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
        throw new TimeoutException($"The packed site did not serve within 2 minutes:\n{SiteOutput}");
    }

    public string SiteOutput { get { lock (siteOutput) return siteOutput.ToString(); } }

    public HttpClient Client() => new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    public Task DisposeAsync()
    {
        if (site is { HasExited: false }) site.Kill(entireProcessTree: true);
        site?.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        return Task.CompletedTask;
    }

    private static async Task DotnetAsync(string workingDirectory, params string[] args)
    {
        var start = Start("dotnet", workingDirectory);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    private static ProcessStartInfo Start(string fileName, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        // dotnet test sets MSBuild's variables for its own build; a nested build must find its SDK afresh.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        return start;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
