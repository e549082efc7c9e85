using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Servers;

/// <summary>
/// One node of the site as a real process (<c>dotnet Course.Web.dll</c> from the Release build, configured through its
/// environment) on a free loopback port, with an index folder of its own.
/// </summary>
public sealed class SiteNode : IDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly string indexFolder;
    private Process? process;

    public SiteNode(string name, string folder, IReadOnlyDictionary<string, string> shared)
    {
        Name = name;
        indexFolder = Path.Combine(folder, "index-" + name);
        environment = new Dictionary<string, string>(shared)
        {
            ["Course__Server__NodeId"] = name,
            ["Course__Search__IndexFolder"] = indexFolder,
        };
    }

    public string Name { get; }
    public Uri Address { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The built site: the Release output the test command builds before it runs the tests.</summary>
    public static string SiteAssembly { get; } = Path.Combine(Repository.Root, "src", "Course.Web", "bin", "Release", "net10.0", "Course.Web.dll");

    public void Start()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [SiteAssembly, "--contentRoot", Path.Combine(Repository.Root, "src", "Course.Web")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        process = Process.Start(start)!;
        // Drained so a full pipe never blocks the node; the last lines are kept for a failure's message.
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client?.Dispose();
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Waits until <c>/healthz/ready</c> answers 200; returns its report.</summary>
    public async Task<JsonElement> ReadyAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(300));
        while (true)
        {
            if (process is { HasExited: true }) throw new InvalidOperationException($"{Name} exited ({process.ExitCode}):\n{Log}");
            try
            {
                var response = await Client.GetAsync("/healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK) return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not ready at {Address}:\n{Log}");
            await Task.Delay(200);
        }
    }

    public async Task<JsonElement> ReadinessAsync() =>
        JsonDocument.Parse(await (await Client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync()).RootElement;

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    /// <summary>SIGSTOP / SIGCONT: the node stays alive but does nothing, as a node stalled for a long time.</summary>
    public void Pause(bool paused) => Process.Start("kill", [paused ? "-STOP" : "-CONT", process!.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (process is { HasExited: false }) Kill();
        process?.Dispose();
        Client?.Dispose();
    }

    private readonly Queue<string> log = new();

    private string Log
    {
        get { lock (log) return string.Join('\n', log); }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (log)
        {
            log.Enqueue(line);
            if (log.Count > 60) log.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
