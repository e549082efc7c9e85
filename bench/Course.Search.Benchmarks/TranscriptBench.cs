using System.Diagnostics;
using Course.Core.Content;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;

namespace Course.Search.Benchmarks;

/// <summary>
/// Issue 13's figures, in one run on one machine: the synthetic index without transcripts and with the passages
/// of <c>captionedVideos</c> captioned videos (size and full rebuild time of each), then the query set timed on
/// both, alternating query by query so that whatever else the machine does falls on both alike.
/// </summary>
public static class TranscriptBench
{
    /// <summary>Transcript-shaped queries beside the mixed set: common words in running speech, a phrase, a typo.</summary>
    private static readonly QuerySet.Query[] Spoken =
    [
        new("slow sustained pressure on the tissue"),
        new("\"client feedback\""),
        new("breathe and wait"),
        new("lenghten the fascia"),
        new("release", Type: CourseIndexSchema.Transcript),
    ];

    public static async Task RunAsync(int rounds, int captionedVideos, string synonymsFile)
    {
        var courses = new SyntheticCourses();
        var captioned = SyntheticCaptions.With(courses, captionedVideos);
        var folders = new List<string>();
        try
        {
            var without = await BuildAsync("without transcripts", courses.Content, transcripts: false, folders);
            var with = await BuildAsync($"with {captionedVideos} captioned videos' passages", captioned, transcripts: true, folders);
            var requests = QuerySet.All.Concat(Spoken).Select(q => q.ToRequest()).ToList();
            var searchers = new[] { without, with }.Select(index => new CourseSearcher(index, SynonymList.Parse(File.ReadLines(synonymsFile), index.Analyzer, CourseIndexSchema.Title))).ToArray();

            for (var warm = 0; warm < 25; warm++) foreach (var r in requests) foreach (var s in searchers) TranscriptHits.Locate(s.Search(r));
            Thread.Sleep(TimeSpan.FromSeconds(1));
            var samples = searchers.Select(_ => new List<double>()).ToArray();
            var transcriptHits = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var request in requests)
                {
                    for (var i = 0; i < searchers.Length; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        var results = TranscriptHits.Locate(searchers[i].Search(request));
                        samples[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (i == 1 && round == 0) transcriptHits += results.Hits.Count(h => h.Category == CourseIndexSchema.Transcript);
                    }
                }
            }
            Console.WriteLine($"search ({requests.Count} queries x {rounds} rounds, alternating, one thread, top 10 + snippets + facets + transcript seconds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}):");
            Console.WriteLine($"  without transcripts: {Stats(samples[0])}");
            Console.WriteLine($"  with transcripts:    {Stats(samples[1])}");
            Console.WriteLine($"  ratio with/without:  p50 {Percentile(samples[1], 0.5) / Percentile(samples[0], 0.5):0.00}x, p99 {Percentile(samples[1], 0.99) / Percentile(samples[0], 0.99):0.00}x; transcript hits on the first pages: {transcriptHits}");
            without.Dispose();
            with.Dispose();
        }
        finally
        {
            foreach (var folder in folders) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<CourseIndex> BuildAsync(string name, PublishedContent content, bool transcripts, List<string> folders)
    {
        var folder = Directory.CreateTempSubdirectory("course-bench-transcripts-").FullName;
        folders.Add(folder);
        var index = CourseIndex.Open(folder, CourseIndexSchema.Definition);
        var valueSets = transcripts ? ContentValueSets.All(content).Concat(content.Videos.SelectMany(TranscriptPopulator.ForVideo)) : ContentValueSets.All(content);
        var built = await index.EnsureBuiltAsync(() => valueSets.ToAsyncEnumerable());
        var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        var passages = transcripts ? content.Videos.Sum(v => v.Captions.Sum(t => Core.Captions.Transcript.Passages(t, v.Chapters).Count)) : 0;
        Console.WriteLine($"{name}: {built.Documents} documents ({passages} passages) rebuilt in {built.Took.TotalSeconds:0.00} s, {size / 1048576.0:0.0} MiB on disk");
        return index;
    }

    private static string Stats(List<double> samples) =>
        $"p50 {Percentile(samples, 0.5):0.00} ms, p99 {Percentile(samples, 0.99):0.00} ms, mean {samples.Average():0.00} ms";

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
