using System.Diagnostics;

namespace Course.Search.Benchmarks;

/// <summary>Latency samples of one figure, with the bytes the measuring thread allocated per call.</summary>
public sealed class Samples
{
    private readonly List<double> milliseconds = [];
    private readonly List<double> withoutCollection = [];
    private long allocated;
    private int collections;
    private TimeSpan paused;

    public int Count => milliseconds.Count;

    /// <summary>Runs <paramref name="call"/> once, timing it and counting what it allocates on this thread.</summary>
    public T Time<T>(Func<T> call)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var pause = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var result = call();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        milliseconds.Add(ms);
        allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
        // Calls during which the runtime collected garbage, told apart: how much of the tail is the collector's.
        var collected = GC.CollectionCount(0) - gcs;
        collections += collected;
        paused += GC.GetTotalPauseDuration() - pause;
        if (collected == 0) withoutCollection.Add(ms);
        return result;
    }

    public void Add(double ms) => milliseconds.Add(ms);

    public double Percentile(double p) => Percentile(milliseconds, p);

    private static double Percentile(List<double> milliseconds, double p)
    {
        if (milliseconds.Count == 0) return double.NaN;
        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    public double P50 => Percentile(0.5);
    public double P99 => Percentile(0.99);
    public double BytesPerCall => Count == 0 ? 0 : (double)allocated / Count;

    public override string ToString() =>
        $"p50 {Percentile(0.5):0.000} ms, p90 {Percentile(0.9):0.000} ms, p99 {Percentile(0.99):0.000} ms, max {milliseconds.Max():0.000} ms, " +
        $"mean {milliseconds.Average():0.000} ms, {BytesPerCall / 1024:0.0} KiB/op" +
        (collections == 0 ? "" : $"; {collections} collections ({paused.TotalMilliseconds:0.0} ms paused), p99 of the {withoutCollection.Count} calls without one {Percentile(withoutCollection, 0.99):0.000} ms");
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

    /// <summary>A time of ours beside raw Lucene's on the same index, and their ratio.</summary>
    public static void Time(string corpus, string figure, double ours, double raw, string target) =>
        Row(corpus, figure, Ms(ours), Ms(raw), Ratio(ours, raw), target);

    /// <summary>Bytes allocated per call, ours beside raw Lucene's on the same index, and their ratio.</summary>
    public static void Allocation(string corpus, string figure, Samples ours, Samples raw) =>
        Row(corpus, figure, KiB(ours.BytesPerCall), KiB(raw.BytesPerCall), Ratio(ours.BytesPerCall, raw.BytesPerCall), "-");

    public static string Ms(double ms) => $"{ms:0.000} ms";
    private static string KiB(double bytes) => $"{bytes / 1024:0.0} KiB";
    public static string Ratio(double ours, double floor) => floor <= 0 ? "-" : $"{ours / floor:0.0}x";
}
