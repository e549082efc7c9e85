using System.Diagnostics;

namespace Course.Search.Benchmarks;

/// <summary>Latency samples of one figure, with the bytes the measuring thread allocated per call.</summary>
public sealed class Samples
{
    private readonly List<double> milliseconds = [];
    private long allocated;

    public int Count => milliseconds.Count;

    /// <summary>Runs <paramref name="call"/> once, timing it and counting what it allocates on this thread.</summary>
    public T Time<T>(Func<T> call)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var result = call();
        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
        return result;
    }

    public void Add(double ms) => milliseconds.Add(ms);

    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    public double P50 => Percentile(0.5);
    public double P99 => Percentile(0.99);
    public double BytesPerCall => Count == 0 ? 0 : (double)allocated / Count;

    public override string ToString() =>
        $"p50 {Percentile(0.5):0.000} ms, p90 {Percentile(0.9):0.000} ms, p99 {Percentile(0.99):0.000} ms, max {milliseconds.Max():0.000} ms, " +
        $"mean {milliseconds.Average():0.000} ms, {BytesPerCall / 1024:0.0} KiB/op";
}

/// <summary>
/// The summary table (corpus, figure, ours, raw Lucene or other ceiling, ratio, target), one row a line separated by
/// '|', appended to the file named by BENCH_TABLE so tools/bench-search.sh can print every figure in one table.
/// </summary>
public static class Table
{
    public static void Row(string corpus, string figure, string ours, string ceiling, string ratio, string target)
    {
        var line = string.Join('|', corpus, figure, ours, ceiling, ratio, target);
        Console.WriteLine($"  row: {line}");
        if (Environment.GetEnvironmentVariable("BENCH_TABLE") is { Length: > 0 } file) File.AppendAllLines(file, [line]);
    }

    public static string Ms(double ms) => $"{ms:0.000} ms";
    public static string Ratio(double ours, double floor) => floor <= 0 ? "-" : $"{ours / floor:0.0}x";
}
