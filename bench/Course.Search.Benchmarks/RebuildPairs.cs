using System.Diagnostics;
using System.Globalization;
using Course.Search.Content;
using Course.Search.Indexing;

namespace Course.Search.Benchmarks;

/// <summary>
/// The full rebuild's row: ours (the <c>rebuild</c> command) and its floor (<see cref="RawRebuild"/>), each cold in a
/// process of its own, as the site's rebuild at start is, raw Lucene just before ours, in several pairs. One pair read
/// anything from 4.5 to 8.2 s for ours on this kind of machine within an hour (the host's speed moves), so the row
/// shows the medians and every pair's figures beside them, and the median of the pairs' ratios.
/// </summary>
public static class RebuildPairs
{
    private const string Marker = "rebuild seconds: ";

    /// <summary>How a rebuild command hands its time to the process that started it.</summary>
    public static void PrintSeconds(TimeSpan took) => Console.WriteLine(FormattableString.Invariant($"{Marker}{took.TotalSeconds:0.000}"));

    /// <summary>Runs <paramref name="command"/> (<c>rebuild</c> or <c>raw-rebuild</c>) in a new process of this program and returns its seconds.</summary>
    public static double InChildProcess(string command)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(RebuildPairs).Assembly.Location);
        start.ArgumentList.Add(command);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Console.Write(output);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null) throw new InvalidOperationException($"{command} exited with {child.ExitCode}.");
        return double.Parse(line[Marker.Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>rebuild</c> command: ours, the synthetic courses into an empty index in a temporary folder.</summary>
    public static async Task RunOursAsync()
    {
        var courses = new SyntheticCourses();
        var folder = Directory.CreateTempSubdirectory("course-bench-rebuild-").FullName;
        try
        {
            using var index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var built = await index.EnsureBuiltAsync(() => ContentValueSets.All(courses.Content).ToAsyncEnumerable());
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"full rebuild: {built.Documents} documents in {built.Took.TotalSeconds:0.00} s, CPU {cpu.TotalSeconds:0.00} s");
            PrintSeconds(built.Took);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Measures <paramref name="pairs"/> pairs and writes the row.</summary>
    public static void Measure(string corpus, int documents, int pairs)
    {
        var raw = new List<double>();
        var ours = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            raw.Add(InChildProcess("raw-rebuild"));
            ours.Add(InChildProcess("rebuild"));
        }
        var ratios = ours.Zip(raw, (o, r) => o / r).ToList();
        Console.WriteLine($"rebuild pairs (raw Lucene, ours): {string.Join("; ", raw.Zip(ours, (r, o) => $"{r:0.00} s, {o:0.00} s"))}");
        Table.Row(corpus, $"full rebuild ({documents} documents), median of {pairs} cold pairs",
            $"{Median(ours):0.00} s ({Each(ours)})", $"{Median(raw):0.00} s ({Each(raw)})", $"{Median(ratios):0.00}x", "<= 6 s");
    }

    private static string Each(IEnumerable<double> seconds) => string.Join(" ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)));

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
