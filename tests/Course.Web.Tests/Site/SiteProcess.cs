using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Course.Web.Tests.Site;

/// <summary>
/// A site's folder for real processes of the built site (<c>dotnet Course.Web.dll</c>): a temporary SQLite file, a
/// copy of the repository's uSync folder, an index folder and a media folder (or, given a SQL Server, a database of
/// its own there, dropped afterwards). One process serves it, or several nodes
/// share its database (<see cref="StartNode"/>), or a command runs against it (<see cref="RunAsync(string[])"/>).
/// For crash, start-up, command-line and multi-node tests. Disposing stops every process it started.
/// </summary>
public sealed class SiteFolder : IDisposable
{
    public const string ApiKey = "process-editor-key-7c1d";
    private readonly List<SiteProcess> started = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("course-process-").FullName;
    public string DatabaseFile => Path.Combine(Folder, "course.db");
    public string USyncFolder => Path.Combine(Folder, "uSync");
    public string ContentFolder => Path.Combine(USyncFolder, "v17", "Content");
    public string IndexFolder { get; set; }

    /// <summary>Configuration every process of this folder gets, beside its database, folders and API key.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    private readonly string connectionString;
    private readonly bool onSqlServer;

    /// <summary>The database is the folder's SQLite file, or a new database on <paramref name="sqlServer"/> when given.</summary>
    public SiteFolder(string? sqlServer = null)
    {
        IndexFolder = Path.Combine(Folder, "Index");
        CopyDirectory(Path.Combine(Repository.Root, "uSync"), USyncFolder);
        onSqlServer = sqlServer is not null;
        connectionString = sqlServer is null
            ? $"Data Source={DatabaseFile};Default Timeout=30"
            : new SqlConnectionStringBuilder(sqlServer) { InitialCatalog = "CourseNodes_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString;
    }

    /// <summary>Runs SQL against the site's database, as an operator would; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using DbConnection connection = onSqlServer ? new SqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the site; <paramref name="args"/> name a command, none serves.</summary>
    public SiteProcess Start(IReadOnlyDictionary<string, string>? environment = null, params string[] args) =>
        Start("site", environment, args);

    /// <summary>Starts one node of several on this folder's database: its own node id and index folder.</summary>
    public SiteProcess StartNode(string name, params string[] args) => Start(name, NodeEnvironment(name), args);

    /// <summary>Runs a command (or a start expected to stop) to its end; returns the exit code and everything it wrote.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(null, args);

    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var site = Start("command", environment, args);
        // A fresh database is migrated, seeded and indexed first: minutes on a machine shared with other builds.
        var exitCode = await site.WaitForExitAsync(TimeSpan.FromMinutes(4));
        return (exitCode, site.Output);
    }

    public Dictionary<string, string> NodeEnvironment(string name) => new()
    {
        ["Course__Server__NodeId"] = name,
        ["Course__Search__IndexFolder"] = Path.Combine(Folder, "index-" + name),
    };

    public void Dispose()
    {
        foreach (var site in started) site.Dispose();
        SqliteConnection.ClearAllPools();
        if (onSqlServer) DropSqlServerDatabase();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }

    private void DropSqlServerDatabase()
    {
        var database = new SqlConnectionStringBuilder(connectionString);
        var name = database.InitialCatalog;
        database.InitialCatalog = "master";
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(database.ConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"IF DB_ID('{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}] END";
        drop.ExecuteNonQuery();
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private SiteProcess Start(string name, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Course.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CourseDb"] = connectionString;
        if (onSqlServer) start.Environment["ConnectionStrings__CourseDb_ProviderName"] = "Microsoft.Data.SqlClient";
        start.Environment["Course__USync__Folder"] = USyncFolder;
        start.Environment["Course__Search__IndexFolder"] = IndexFolder;
        start.Environment["Course__Media__Folder"] = Path.Combine(Folder, "media");
        start.Environment["Course__ManagementApiKey"] = ApiKey;
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var site = new SiteProcess(name, Process.Start(start)!, address);
        lock (started) started.Add(site);
        return site;
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

    public SiteProcess(string name, Process process, Uri address)
    {
        Name = name;
        this.process = process;
        Address = address;
        // Drained so a full pipe never blocks the process; kept for assertions and a failure's message.
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public HttpClient Client(string? apiKey = SiteFolder.ApiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("Api-Key", apiKey);
        return client;
    }

    /// <summary>Waits until <c>/healthz</c> answers (the site serves), or fails with what the process wrote.</summary>
    public async Task WaitUntilServingAsync() => await UntilAnsweredAsync("/healthz", TimeSpan.FromMinutes(3));

    /// <summary>Waits until <c>/healthz/ready</c> answers 200 (the node has caught up); returns its report.</summary>
    public async Task<JsonElement> ReadyAsync() =>
        JsonDocument.Parse(await UntilAnsweredAsync("/healthz/ready", TimeSpan.FromMinutes(5))).RootElement;

    /// <summary>The readiness report as it stands, ready or not.</summary>
    public async Task<JsonElement> ReadinessAsync()
    {
        using var client = Client(null);
        return JsonDocument.Parse(await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync()).RootElement;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}:\n{Output}");
        }
        process.WaitForExit(); // drains the output
        return process.ExitCode;
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGSTOP / SIGCONT: the process stays alive but does nothing, as a node stalled for a long time.</summary>
    public void Pause(bool paused) => Process.Start("kill", [paused ? "-STOP" : "-CONT", process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (disposed) return; // its folder disposes it again
        disposed = true;
        Kill();
        process.Dispose();
    }

    private bool disposed;

    private async Task<string> UntilAnsweredAsync(string path, TimeSpan within)
    {
        using var client = Client(null);
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Output}");
            try
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer {path} within {within}:\n{Output}");
    }
}
