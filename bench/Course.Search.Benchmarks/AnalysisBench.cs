using System.Diagnostics;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Lucene.Net.Analysis;

namespace Course.Search.Benchmarks;

/// <summary>
/// The rebuild's analysis alone, on one thread: every text a 100k rebuild analyses (each text and tag value in its field,
/// titles again as completion words) through the analysis chain itself and through kept words (a new analyzer each round,
/// so each round keeps the words anew, as a rebuild at start does), alternating round by round. A rebuild's time swings with
/// the host by more than its analysis costs; this isolates what indexing from kept words saves.
/// </summary>
public static class AnalysisBench
{
    public static void Run(int rounds)
    {
        var schema = CourseIndexSchema.Definition;
        var texts = new List<(string Field, string Text)>();
        foreach (var valueSet in ContentValueSets.All(new SyntheticCourses().Content))
        foreach (var (name, values) in valueSet.Values)
        {
            if (schema.Find(name) is not { Type: FieldType.FullText or FieldType.Tag } definition) continue;
            foreach (var value in values)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
                texts.Add((name, text));
                if (definition.Suggest && definition.Type == FieldType.FullText) texts.Add((IndexSchema.SuggestField, text));
            }
        }
        var chain = new List<double>();
        var kept = new List<double>();
        var tokens = 0L;
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 compiles both paths and is not counted.
            using (var analyzer = new SearchAnalyzer()) Time(analyzer, texts, round == 0 ? null : chain, out tokens);
            using (var analyzer = new SearchAnalyzer(keepsWords: true)) Time(analyzer, texts, round == 0 ? null : kept, out _);
        }
        chain.Sort();
        kept.Sort();
        Console.WriteLine($"analysis of a 100k rebuild's texts ({texts.Count:N0} values, {tokens:N0} tokens), one thread, {rounds} rounds each, alternating:");
        Console.WriteLine($"  the chain: median {chain[chain.Count / 2]:0.000} s (min {chain[0]:0.000}, max {chain[^1]:0.000})");
        Console.WriteLine($"  kept words: median {kept[kept.Count / 2]:0.000} s (min {kept[0]:0.000}, max {kept[^1]:0.000}); ratio {kept[kept.Count / 2] / chain[chain.Count / 2]:0.00}");
        Table.Row("100k", "rebuild's analysis on one thread (ceiling: the chain)", $"{kept[kept.Count / 2]:0.000} s", $"{chain[chain.Count / 2]:0.000} s",
            $"{kept[kept.Count / 2] / chain[chain.Count / 2]:0.00}x", "-");
    }

    private static void Time(Analyzer analyzer, List<(string Field, string Text)> texts, List<double>? seconds, out long tokens)
    {
        tokens = 0;
        var took = Stopwatch.StartNew();
        foreach (var (field, text) in texts)
        {
            using var stream = analyzer.GetTokenStream(field, text);
            stream.Reset();
            while (stream.IncrementToken()) tokens++;
            stream.End();
        }
        seconds?.Add(took.Elapsed.TotalSeconds);
    }
}
