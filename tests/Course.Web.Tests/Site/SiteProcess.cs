using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Course.Web.Tests.Site;

/// <summary>
/// The site as a real process (<c>dotnet Course.Web.dll</c>) on its own folder: a temporary SQLite file, a copy
/// of the repository's uSync folder, an index folder and a free loopback port. For crash and start-up tests.
/// </summary>
public sealed class SiteFolder : IDisposable
{
    public const string ApiKey = "process-editor-key-7c1d";
    public string Folder { get; } = Directory.CreateTempSubdirectory("course-process-").FullName;
    public string DatabaseFile => Path.Combine(Folder, "course.db");
    public string USyncFolder => Path.Combine(Folder, "uSync");
    public string ContentFolder => Path.Combine(USyncFolder, "v17", "Content");
    public string IndexFolder { get; set; }

    public SiteFolder()
    {
        IndexFolder = Path.Combine(Folder, "Index");
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "uSync"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(USyncFolder, Path.GetRelativePath(Path.Combine(Repository.Root, "uSync"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }

    /// <summary>Starts the site; <paramref name="args"/> name a command, none serves.</summary>
    public SiteProcess Start(IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Course.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__CourseDb"] = $"Data Source={DatabaseFile}";
        start.Environment["Course__USync__Folder"] = USyncFolder;
        start.Environment["Course__Search__IndexFolder"] = IndexFolder;
        start.Environment["Course__Media__Folder"] = Path.Combine(Folder, "media");
        start.Environment["Course__ManagementApiKey"] = ApiKey;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new SiteProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Runs a command (or a start expected to stop) to its end; returns the exit code and everything it wrote.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var site = Start(null, args);
        var exitCode = await site.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, site.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One started site process; disposing kills it if it still runs.</summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public SiteProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public HttpClient Client(string? apiKey = SiteFolder.ApiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("Api-Key", apiKey);
        return client;
    }

    /// <summary>Waits until <c>/healthz</c> answers (the site serves), or fails with what the process wrote.</summary>
    public async Task WaitUntilServingAsync()
    {
        using var client = Client(null);
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"The site exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site did not serve within 3 minutes:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit(); // drains the output
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
