using System.Diagnostics;
using Course.Data.Content;
using Course.Data.Storage;
using Course.Data.USync;
using Course.Search.Analysis;
using Course.Search.Benchmarks;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// Usage:
//   index [rounds]     build the synthetic index in a temporary folder (full rebuild time), then time the query set in process
//   database <file>    write the synthetic courses into a new SQLite database the site can start on
//   paths <file>       write the query set's /api/search paths, one a line, for wrk
//   transcripts [rounds] [videos]  the index without and with transcript passages of [videos] (2000) captioned videos, query times of both
var command = args.FirstOrDefault() ?? "index";
switch (command)
{
    case "index":
        await RunIndex(args.Length > 1 ? int.Parse(args[1]) : 50);
        break;
    case "database":
        await WriteDatabase(args[1]);
        break;
    case "transcripts":
        await TranscriptBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 30, args.Length > 2 ? int.Parse(args[2]) : 2000, SynonymsFile());
        break;
    case "paths":
        File.WriteAllLines(args[1], QuerySet.All.Select(q => q.Path));
        break;
    default:
        Console.Error.WriteLine($"Unknown command '{command}'; use index, database or paths.");
        return 2;
}
return 0;

static async Task RunIndex(int rounds)
{
    var generated = Stopwatch.StartNew();
    var courses = new SyntheticCourses();
    Console.WriteLine($"generated {courses.Techniques.Count} techniques, {courses.Videos.Count} videos, {courses.Documents} documents in {generated.ElapsedMilliseconds} ms");

    var folder = Directory.CreateTempSubdirectory("course-bench-index-").FullName;
    try
    {
        using (var index = CourseIndex.Open(folder, CourseIndexSchema.Definition))
        {
            var built = await index.EnsureBuiltAsync(() => ContentValueSets.All(courses.Content).ToAsyncEnumerable());
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine($"full rebuild: {built.Documents} documents in {built.Took.TotalSeconds:0.00} s, {size / 1048576.0:0.0} MiB on disk ({Environment.ProcessorCount} cores)");
        }
        using var reopened = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        Console.WriteLine($"segments: {reopened.Read(s => s.IndexReader.Leaves.Count)}");
        Console.WriteLine($"reopen with integrity check: {reopened.Opening.Took.TotalMilliseconds:0} ms ({(reopened.Opening.Rebuilt ? "rebuilt!" : "reused")})");

        var synonyms = SynonymList.Parse(File.ReadLines(SynonymsFile()), reopened.Analyzer, CourseIndexSchema.Title);
        var searcher = new CourseSearcher(reopened, synonyms);
        TimeQueries(searcher, rounds);
        TimeSuggestions(searcher, rounds);
        TimeChanges(reopened, courses);
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static void TimeQueries(CourseSearcher searcher, int rounds)
{
    var requests = QuerySet.All.Select(q => q.ToRequest()).ToList();
    // Steady state, as a running site is: enough calls for tiered JIT to promote the hot paths, then a
    // pause for its background compiles, which otherwise land in the measured tail.
    for (var warm = 0; warm < 25; warm++) requests.ForEach(r => searcher.Search(r));
    Thread.Sleep(TimeSpan.FromSeconds(1));
    var samples = new List<double>();
    var byQuery = requests.ToDictionary(r => r, _ => new List<double>());
    var hits = new Dictionary<SearchRequest, int>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var round = 0; round < rounds; round++)
    {
        foreach (var request in requests)
        {
            var started = Stopwatch.GetTimestamp();
            var results = searcher.Search(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            samples.Add(ms);
            byQuery[request].Add(ms);
            hits[request] = results.Total;
        }
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"search ({requests.Count} queries x {rounds} rounds, one thread, top 10 + stored fields + snippets + facets): {Stats(samples)}");
    // CPU time is what other processes on a shared machine cannot inflate; wall-clock percentiles they can.
    Console.WriteLine($"  CPU per search (process, mean): {cpu.TotalMilliseconds / samples.Count:0.00} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    // A query's median is its own cost; its p99 also holds whatever else the machine was doing.
    Console.WriteLine("slowest queries by median (p50 ms, p99 ms, total matches):");
    foreach (var (request, times) in byQuery.OrderByDescending(q => Percentile(q.Value, 0.5)).Take(8))
        Console.WriteLine($"  {Percentile(times, 0.5),6:0.00} {Percentile(times, 0.99),7:0.00}  {hits[request],6}  {Describe(request)}");
}

static void TimeSuggestions(CourseSearcher searcher, int rounds)
{
    string[] typed = ["pi", "pir", "glut", "gluteus me", "pin and st", "trigger po", "hip", "neck pa", "scal", "myofascial re"];
    foreach (var t in typed) searcher.Suggest(t);
    var samples = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var t in typed)
        {
            var started = Stopwatch.GetTimestamp();
            searcher.Suggest(t);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
    Console.WriteLine($"suggest ({typed.Length} prefixes x {rounds} rounds): {Stats(samples)}");
}

// Near-real-time: one video re-indexed (as after an editor's change) until a search sees it.
static void TimeChanges(CourseIndex index, SyntheticCourses courses)
{
    var samples = new List<double>();
    for (var i = 0; i < 30; i++)
    {
        var video = courses.Videos[i * 7];
        var started = Stopwatch.GetTimestamp();
        index.Apply([new IndexChange([ContentValueSets.IdOf(video.Key)], ContentValueSets.ForVideo(video, courses.Content).ToList())]);
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine($"change applied, visible and committed (one video, {courses.Videos[0].Chapters.Count + 1} documents): {Stats(samples)}");
}

static async Task WriteDatabase(string file)
{
    var started = Stopwatch.StartNew();
    var courses = new SyntheticCourses();
    var emptyUSync = Directory.CreateTempSubdirectory("course-bench-usync-").FullName;
    var services = new ServiceCollection()
        .AddLogging()
        .AddCourseData(new DatabaseProvider(DatabaseProvider.Sqlite, DatabaseProvider.ForSqliteFile(Path.GetFullPath(file))), emptyUSync)
        .BuildServiceProvider();
    await using (services)
    {
        await services.GetRequiredService<CourseDatabase>().InitializeAsync();
        await services.GetRequiredService<ContentImporter>().ImportAsync(new USyncContent(courses.Videos, courses.Techniques, []));
    }
    Directory.Delete(emptyUSync);
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Console.WriteLine($"wrote {courses.Techniques.Count} techniques and {courses.Videos.Count} videos ({courses.Documents} index documents) to {file} in {started.Elapsed.TotalSeconds:0.0} s");
}

static string SynonymsFile()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var file = Path.Combine(dir.FullName, "src", "Course.Web", "search-synonyms.txt");
        if (File.Exists(file)) return file;
    }
    throw new FileNotFoundException("src/Course.Web/search-synonyms.txt not found above " + AppContext.BaseDirectory);
}

static string Stats(List<double> samples) =>
    $"p50 {Percentile(samples, 0.5):0.00} ms, p90 {Percentile(samples, 0.9):0.00} ms, p99 {Percentile(samples, 0.99):0.00} ms, max {samples.Max():0.00} ms, mean {samples.Average():0.00} ms";

static double Percentile(List<double> samples, double p)
{
    var sorted = samples.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string Describe(SearchRequest r) =>
    $"q=\"{r.Text}\"{string.Concat(r.Filters.Select(f => $" {f.Key}={string.Join(',', f.Value)}"))}{(r.Page > 1 ? $" page={r.Page}" : "")}";
