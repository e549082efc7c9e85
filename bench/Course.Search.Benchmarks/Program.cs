using System.Diagnostics;
using Course.Data.Content;
using Course.Data.Storage;
using Course.Data.USync;
using Course.Search.Analysis;
using Course.Search.Benchmarks;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Core.Content;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// Usage:
//   index [rounds]     the full rebuild at 100k (cold pairs, see rebuild), then build the synthetic index in a temporary folder and
//                      time the query set, completions and changes in process beside raw Lucene on the same index
//   suggest [rounds]   the same index, then time only the completions (to iterate on them)
//   seed [rounds]      the same on the seed course (uSync/, 30 documents)
//   writes [changes]   only the writing side at 100k: the full rebuild, then [changes] (100) changes made visible (one every 50 ms,
//                      then as many back to back), then the query set on the index they left (20 rounds)
//   rebuild            only ours' full rebuild at 100k, cold; index runs it in processes of its own beside raw-rebuild, in
//                      REBUILD_PAIRS (3) pairs (see RebuildPairs)
//   raw-rebuild        the rebuild's floor: raw Lucene indexing the same content (see RawRebuild), run by index and writes
//                      in a process of its own just before their rebuild
//   analysis [rounds]  the rebuild's analysis alone on one thread, the chain against kept words, alternating (5 rounds)
//   database <file>    write the synthetic courses into a new SQLite database the site can start on
//   paths <file>       write the query set's /api/search paths, one a line, for wrk
//   first-seen <file> [count]  write [count] (30,000) paths of queries asked once each (QuerySet.FirstSeen), for wrk
//   keystrokes <file>  write /api/search paths of the seed query set as typed, a path per keystroke (unique queries)
//   first-seen-keystrokes <file> [count]  write [count] (300,000) keystroke paths of random seed-word combinations, each once
//   transcripts [rounds] [videos]  the index without and with transcript passages of [videos] (2000) captioned videos, query times of both
// Set BENCH_TABLE to a file to append the summary rows there (tools/bench-search.sh prints them as one table).
var command = args.FirstOrDefault() ?? "index";
var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 50;
switch (command)
{
    case "index":
        await RunIndex(rounds, suggestOnly: false);
        break;
    case "suggest":
        await RunIndex(rounds, suggestOnly: true);
        break;
    case "seed":
        await RunSeed(rounds);
        break;
    case "writes":
        await RunWrites(args.Length > 1 ? int.Parse(args[1]) : 100);
        break;
    case "raw-rebuild":
        RawRebuild.Run();
        break;
    case "rebuild":
        await RebuildPairs.RunOursAsync();
        break;
    case "analysis":
        AnalysisBench.Run(args.Length > 1 ? int.Parse(args[1]) : 5);
        break;
    case "database":
        await WriteDatabase(args[1]);
        break;
    case "transcripts":
        await TranscriptBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 30, args.Length > 2 ? int.Parse(args[2]) : 2000, Path.Combine(RepositoryRoot(), "src", "Course.Web", "search-synonyms.txt"));
        break;
    case "paths":
        File.WriteAllLines(args[1], QuerySet.All.Select(q => q.Path));
        break;
    case "first-seen":
        File.WriteAllLines(args[1], QuerySet.FirstSeen(args.Length > 2 ? int.Parse(args[2]) : 30_000).Select(q => q.Path));
        break;
    case "keystrokes":
        File.WriteAllLines(args[1], QuerySet.Keystrokes(QuerySet.Seed).Select(q => q.Path));
        break;
    case "first-seen-keystrokes":
        File.WriteAllLines(args[1], QuerySet.FirstSeenKeystrokes(args.Length > 2 ? int.Parse(args[2]) : 300_000).Select(q => q.Path));
        break;
    default:
        Console.Error.WriteLine($"Unknown command '{command}'; use index, suggest, seed, writes, rebuild, raw-rebuild, analysis, database, paths, first-seen, keystrokes, first-seen-keystrokes or transcripts.");
        return 2;
}
return 0;

static async Task RunIndex(int rounds, bool suggestOnly)
{
    const string corpus = "100k";
    var generated = Stopwatch.StartNew();
    var courses = new SyntheticCourses();
    Console.WriteLine($"generated {courses.Techniques.Count} techniques, {courses.Videos.Count} videos, {courses.Documents} documents in {generated.ElapsedMilliseconds} ms");

    var folder = Directory.CreateTempSubdirectory("course-bench-index-").FullName;
    try
    {
        if (!suggestOnly) RebuildPairs.Measure(corpus, courses.Documents, int.TryParse(Environment.GetEnvironmentVariable("REBUILD_PAIRS"), out var pairs) ? pairs : 3);
        // The index the searches below read, built in this process (not a row: this process made the content first).
        using (var index = CourseIndex.Open(folder, CourseIndexSchema.Definition))
        {
            var built = await index.EnsureBuiltAsync(() => ContentValueSets.All(courses.Content).ToAsyncEnumerable());
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine($"full rebuild: {built.Documents} documents in {built.Took.TotalSeconds:0.00} s, {size / 1048576.0:0.0} MiB on disk ({Environment.ProcessorCount} cores)");
        }
        using var reopened = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        Console.WriteLine($"segments: {reopened.Read(s => s.IndexReader.Leaves.Count)}");
        Console.WriteLine($"reopen with integrity check: {reopened.Opening.Took.TotalMilliseconds:0} ms ({(reopened.Opening.Rebuilt ? "rebuilt!" : "reused")})");

        var synonyms = Synonyms(reopened);
        var searcher = new CourseSearcher(reopened, synonyms);
        if (!suggestOnly)
        {
            TimeQueries(corpus, searcher, reopened, QuerySet.All, rounds, p50Target: "-", p99Target: "<= 5 ms");
            TimeFirstSeen(corpus, "first-seen queries", searcher, reopened, QuerySet.FirstSeen(rounds * 50));
            PageExactness.Print(corpus, searcher, reopened, synonyms, QuerySet.All);
        }
        TimeSuggestions(corpus, searcher, reopened, rounds, p99Target: "<= 1 ms");
        if (!suggestOnly)
        {
            TimeChanges(corpus, reopened, courses);
            TimeSearchesAfterChanges(corpus, searcher, reopened, courses);
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// The rebuild and the changes alone, quick enough to run before and after a change to the writing side in the same minutes.
static async Task RunWrites(int changes)
{
    const string corpus = "100k";
    var courses = new SyntheticCourses();
    var folder = Directory.CreateTempSubdirectory("course-bench-writes-").FullName;
    try
    {
        var raw = RebuildPairs.InChildProcess("raw-rebuild");
        using var index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (collections, paused, allocated) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        var built = await index.EnsureBuiltAsync(() => ContentValueSets.All(courses.Content).ToAsyncEnumerable());
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        Console.WriteLine($"full rebuild: {built.Documents} documents in {built.Took.TotalSeconds:0.00} s, CPU {cpu.TotalSeconds:0.00} s, " +
            $"{GC.CollectionCount(0) - collections} collections ({(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms paused), " +
            $"{allocated / 1073741824.0:0.00} GiB allocated, {size / 1048576.0:0.0} MiB on disk, " +
            $"{index.Read(s => s.IndexReader.Leaves.Count)} segments; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        RebuildRow(corpus, built, raw);
        TimeChanges(corpus, index, courses, changes);
        // The segments the changes left (and the merges made of them) are what searches pay for from then on.
        TimeQueries($"{corpus} after {changes} changes", new CourseSearcher(index, Synonyms(index)), index, QuerySet.All, rounds: 20, p50Target: "-", p99Target: "<= 5 ms");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static async Task RunSeed(int rounds)
{
    const string corpus = "seed";
    var root = RepositoryRoot();
    var read = new USyncFolder(Path.Combine(root, "uSync")).ReadContent();
    var content = new PublishedContent(read.Videos, read.Techniques);
    var folder = Directory.CreateTempSubdirectory("course-bench-seed-").FullName;
    try
    {
        using var index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        var built = await index.EnsureBuiltAsync(() => ContentValueSets.All(content).ToAsyncEnumerable());
        Console.WriteLine($"seed index: {built.Documents} documents in {built.Took.TotalMilliseconds:0} ms, {index.Read(s => s.IndexReader.Leaves.Count)} segments");
        var searcher = new CourseSearcher(index, Synonyms(index));
        TimeQueries(corpus, searcher, index, QuerySet.Seed, rounds * 5, p50Target: "<= 0.3 ms", p99Target: "<= 1 ms");
        TimeQueries(corpus + " as typed", searcher, index, QuerySet.Keystrokes(QuerySet.Seed), rounds, p50Target: "<= 0.3 ms", p99Target: "<= 1 ms");
        // Search-as-you-type's every keystroke, none asked before: the per-query cost the site's HTTP row depends on.
        TimeFirstSeen(corpus, "first-seen keystrokes", searcher, index, QuerySet.FirstSeenKeystrokes(rounds * 1000));
        TimeSuggestions(corpus, searcher, index, rounds * 5, p99Target: "<= 1 ms");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static void RebuildRow(string corpus, IndexOpening built, double rawSeconds) =>
    Table.Row(corpus, $"full rebuild ({built.Documents} documents)", $"{built.Took.TotalSeconds:0.00} s", $"{rawSeconds:0.00} s",
        Table.Ratio(built.Took.TotalSeconds, rawSeconds), "<= 6 s");

static SynonymList Synonyms(CourseIndex index) =>
    SynonymList.Parse(File.ReadLines(Path.Combine(RepositoryRoot(), "src", "Course.Web", "search-synonyms.txt")), index.Analyzer, CourseIndexSchema.Title);

// The floor: a bare TermQuery on the body field for each query's first word, top 10, no stored fields, snippets or facets.
static Samples RawLucene(CourseIndex index, IReadOnlyList<SearchRequest> requests, int rounds, int warmRounds = 25)
{
    var terms = requests
        .Select(r => AnalyzedTerm.Read(index.Analyzer, CourseIndexSchema.Body, r.Text).Select(t => t.Text).FirstOrDefault())
        .OfType<string>().Select(t => new Term(CourseIndexSchema.Body, t)).ToList();
    var samples = new Samples();
    for (var warm = 0; warm < warmRounds; warm++) terms.ForEach(t => index.Read(s => s.Search(new TermQuery(t), 10)));
    for (var round = 0; round < rounds; round++)
        foreach (var term in terms) samples.Time(() => index.Read(s => s.Search(new TermQuery(term), 10)));
    return samples;
}

static void TimeQueries(string corpus, CourseSearcher searcher, CourseIndex index, IReadOnlyList<QuerySet.Query> queries, int rounds, string p50Target, string p99Target)
{
    var requests = queries.Select(q => q.ToRequest()).ToList();
    // Steady state, as a running site is: enough calls for tiered JIT to promote the hot paths, then a
    // pause for its background compiles, which otherwise land in the measured tail.
    for (var warm = 0; warm < 25; warm++) requests.ForEach(r => searcher.Search(r));
    Thread.Sleep(TimeSpan.FromSeconds(1));
    var raw = RawLucene(index, requests, rounds);
    var samples = new Samples();
    var byQuery = requests.ToDictionary(r => r, _ => new Samples());
    var hits = new Dictionary<SearchRequest, int>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var round = 0; round < rounds; round++)
    {
        foreach (var request in requests)
        {
            var results = samples.Time(() => searcher.Search(request));
            byQuery[request].Add(results.Took.TotalMilliseconds);
            hits[request] = results.Total;
        }
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"search, {corpus} ({requests.Count} queries x {rounds} rounds, one thread, top 10 + stored fields + snippets + facets): {samples}");
    Console.WriteLine($"  raw Lucene (TermQuery on the first word, top 10): {raw}");
    // CPU time is what other processes on a shared machine cannot inflate; wall-clock percentiles they can.
    Console.WriteLine($"  CPU per search (process, mean): {cpu.TotalMilliseconds / samples.Count:0.000} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    // A query's median is its own cost; its p99 also holds whatever else the machine was doing.
    Console.WriteLine("  slowest queries by median (p50 ms, p99 ms, total matches):");
    foreach (var (request, times) in byQuery.OrderByDescending(q => q.Value.P50).Take(6))
        Console.WriteLine($"  {times.P50,7:0.000} {times.P99,7:0.000}  {hits[request],6}  {Describe(request)}");
    Table.Time(corpus, "search p50 (facets, snippets)", samples.P50, raw.P50, p50Target);
    Table.Time(corpus, "search p99 (facets, snippets)", samples.P99, raw.P99, p99Target);
    Table.Allocation(corpus, "search allocation per query", samples, raw);
}

// Queries asked once each, none warmed (as over HTTP): what the engine keeps per whole query is cold. The raw-Lucene
// anchor asks the same queries' first words, also once each.
static void TimeFirstSeen(string corpus, string figure, CourseSearcher searcher, CourseIndex index, IReadOnlyList<QuerySet.Query> queries)
{
    var requests = queries.Select(q => q.ToRequest()).ToList();
    // Unwarmed as the engine is here: the code is compiled by the figures before, and a bare term query keeps nothing.
    var raw = RawLucene(index, requests, rounds: 1, warmRounds: 0);
    var samples = new Samples();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    foreach (var request in requests) samples.Time(() => searcher.Search(request));
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"search, {corpus}, {figure} ({requests.Count}, each once): {samples}");
    Console.WriteLine($"  raw Lucene (TermQuery on the first word, top 10): {raw}");
    Console.WriteLine($"  CPU per search (process, mean): {cpu.TotalMilliseconds / samples.Count:0.000} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Table.Time(corpus, $"search p50, {figure}", samples.P50, raw.P50, "-");
    Table.Time(corpus, $"search p99, {figure}", samples.P99, raw.P99, "-");
    Table.Allocation(corpus, $"search allocation per query, {figure}", samples, raw);
}

static void TimeSuggestions(string corpus, CourseSearcher searcher, CourseIndex index, int rounds, string p99Target)
{
    string[] typed = ["pi", "pir", "pirif", "pirfi", "glut", "gluteus me", "pin and st", "trigger po", "hip", "neck pa", "scal", "myofascial re"];
    // Steady state, as in TimeQueries: tiered JIT promotes the completion code, then finishes its background compiles.
    for (var warm = 0; warm < 25; warm++)
        foreach (var t in typed) searcher.Suggest(t);
    Thread.Sleep(TimeSpan.FromSeconds(1));
    // The floor for a completion: a bare PrefixQuery on the completion field, top 10, nothing loaded.
    var prefixes = typed.Select(t => new Term(IndexSchema.SuggestField, t.Split(' ')[^1])).ToList();
    var raw = new Samples();
    var samples = new Samples();
    var byPrefix = typed.ToDictionary(t => t, _ => new Samples());
    var cpu = TimeSpan.Zero;
    for (var round = 0; round < rounds; round++)
    {
        var roundCpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var t in typed) byPrefix[t].Add(samples.Time(() => { var started = Stopwatch.GetTimestamp(); searcher.Suggest(t); return Stopwatch.GetElapsedTime(started).TotalMilliseconds; }));
        cpu += Process.GetCurrentProcess().TotalProcessorTime - roundCpu;
        foreach (var p in prefixes) raw.Time(() => index.Read(s => s.Search(new PrefixQuery(p), 10)));
    }
    Console.WriteLine($"suggest, {corpus} ({typed.Length} prefixes x {rounds} rounds): {samples}");
    Console.WriteLine($"  raw Lucene (PrefixQuery on the last word, top 10): {raw}");
    Console.WriteLine($"  CPU per suggestion (process, mean): {cpu.TotalMilliseconds / samples.Count:0.000} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Console.WriteLine("  slowest by median (p50 ms, p99 ms): " + string.Join(", ", byPrefix.OrderByDescending(p => p.Value.P50).Take(5).Select(p => $"\"{p.Key}\" {p.Value.P50:0.000}/{p.Value.P99:0.000}")));
    Console.WriteLine($"  pirif: {string.Join(", ", searcher.Suggest("pirif").Select(s => s.Text))}; pirfi: {string.Join(", ", searcher.Suggest("pirfi").Select(s => s.Text))}");
    Table.Time(corpus, "suggest p99", samples.P99, raw.P99, p99Target);
    Table.Allocation(corpus, "suggest allocation per call", samples, raw);
}

// Near-real-time: one video re-indexed (as after an editor's change) until a search sees it. The index commits on its own
// once changes pause (CourseIndex.CommitDelay); the change was committed in the database before the index was given it.
// The latency figure offers a change every 50 ms (20 a second, far beyond an editorial team) on a schedule, each timed
// from its planned start: a loop of changes back to back offers more than two cores absorb (a change and the merges it
// causes take about 25 ms of CPU), so its percentiles measure the queue behind the merges; it is reported beside, with
// its rate. Like the searches, the figures are taken once the code is compiled: the first change is reported on its own.
// 200 changes: a p99 of fewer than a hundred would be their slowest one.
static void TimeChanges(string corpus, CourseIndex index, SyntheticCourses courses, int changes = 200)
{
    var first = new Samples();
    first.Time(() => Change(index, courses, changes));
    for (var i = 1; i <= 20; i++) Change(index, courses, changes + i);

    var interval = TimeSpan.FromMilliseconds(50);
    var paced = new Samples();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var start = Stopwatch.GetTimestamp();
    for (var i = 0; i < changes; i++)
    {
        var planned = start + (long)(i * interval.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < planned) Thread.Sleep(1);
        Change(index, courses, i);
        paced.Add(Stopwatch.GetElapsedTime(planned).TotalMilliseconds);
    }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"change applied and visible (one video, {courses.Videos[0].Chapters.Count + 1} documents), one every {interval.TotalMilliseconds:0} ms: {paced}");
    Console.WriteLine($"  first change after opening: {first.P50:0.0} ms; CPU per change (process, mean, merges included): {cpu.TotalMilliseconds / paced.Count:0.00} ms; " +
        $"{index.Read(s => s.IndexReader.Leaves.Count)} segments after; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    var backToBack = new Samples();
    var took = Stopwatch.StartNew();
    for (var i = 0; i < changes; i++) backToBack.Time(() => Change(index, courses, changes + 21 + i));
    var perSecond = changes / took.Elapsed.TotalSeconds;
    Console.WriteLine($"  back to back: {backToBack}; {perSecond:0} changes/s; {index.Read(s => s.IndexReader.Leaves.Count)} segments after");

    var commits = index.Commits;
    var waited = Stopwatch.StartNew();
    while (index.Commits == commits && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
    Console.WriteLine($"  committed {waited.Elapsed.TotalMilliseconds:0} ms after the last change (the index waits {index.CommitDelay.TotalMilliseconds:0} ms for a pause)");

    Table.Row(corpus, $"change visible p99, one every {interval.TotalMilliseconds:0} ms", Table.Ms(paced.P99), "-", "-", "<= 25 ms");
    Table.Row(corpus, "change visible p99, back to back", $"{Table.Ms(backToBack.P99)} ({perSecond:0} changes/s)", "-", "-", "-");
    Table.Row(corpus, "first change after opening", Table.Ms(first.P50), "-", "-", "-");
}

// The first search after each change (the query set's queries in turn): what the engine keeps per reader starts afresh.
static void TimeSearchesAfterChanges(string corpus, CourseSearcher searcher, CourseIndex index, SyntheticCourses courses, int changes = 40)
{
    var samples = new Samples();
    for (var i = 0; i < changes; i++)
    {
        Change(index, courses, i);
        var request = QuerySet.All[i % QuerySet.All.Count].ToRequest();
        samples.Time(() => searcher.Search(request));
    }
    Console.WriteLine($"search just after a change: {samples}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Table.Row(corpus, "search just after a change p50", Table.Ms(samples.P50), "-", "-", "-");
}

static int Change(CourseIndex index, SyntheticCourses courses, int i)
{
    var video = courses.Videos[i * 7 % courses.Videos.Count];
    index.Apply([new IndexChange([ContentValueSets.IdOf(video.Key)], ContentValueSets.ForVideo(video, courses.Content).ToList())]);
    return 0;
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

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Course.sln not found above " + AppContext.BaseDirectory);
}

static string Describe(SearchRequest r) =>
    $"q=\"{r.Text}\"{string.Concat(r.Filters.Select(f => $" {f.Key}={string.Join(',', f.Value)}"))}{(r.Page > 1 ? $" page={r.Page}" : "")}";
