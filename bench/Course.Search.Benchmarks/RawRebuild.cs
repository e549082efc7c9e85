using System.Diagnostics;
using System.Globalization;
using Course.Search.Analysis;
using Course.Search.Content;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using FieldType = Course.Search.Indexing.FieldType;

namespace Course.Search.Benchmarks;

/// <summary>
/// The full rebuild's floor: raw Lucene indexing the same synthetic content. Each value set's fields become plain
/// <see cref="TextField"/>s (text and tags, analysed by Lucene's <see cref="EnglishAnalyzer"/>) and
/// <see cref="StoredField"/>s, its id a <see cref="StringField"/>, added from as many threads as the site's rebuild uses
/// into a writer with the same buffer and no compound files, then committed. Not there: the fields only the engine
/// writes (facet values, completion words, parents, fingerprints), mapping content to value sets (done before the
/// clock) and warming the first searcher.
/// <para>
/// The host's speed drifts by half within minutes on this kind of machine (the same rebuild's CPU time read 7.1 to
/// 12.1 s in one quarter hour), so a rebuild figure alone says little; the floor is built in its own process (cold,
/// as the site's rebuild at start is) just before the engine's, and the row shows both and their ratio.
/// </para>
/// </summary>
public static class RawRebuild
{
    /// <summary>The <c>raw-rebuild</c> command: builds the floor in a temporary folder and prints its time.</summary>
    public static void Run()
    {
        var courses = new SyntheticCourses();
        var valueSets = ContentValueSets.All(courses.Content).ToList();
        var schema = CourseIndexSchema.Definition;
        var folder = System.IO.Directory.CreateTempSubdirectory("course-bench-raw-").FullName;
        try
        {
            using var directory = FSDirectory.Open(folder);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, new EnglishAnalyzer(SearchAnalyzer.Version))
            {
                RAMBufferSizeMB = 64,
                UseCompoundFile = false,
            }))
            {
                Parallel.ForEach(valueSets, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, valueSet =>
                {
                    var document = new Document { new StringField("id", valueSet.Id, Field.Store.YES) };
                    foreach (var (name, values) in valueSet.Values)
                    {
                        var definition = schema.Find(name)!;
                        foreach (var value in values)
                        {
                            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                            document.Add(definition.Type is FieldType.FullText or FieldType.Tag
                                ? new TextField(name, text, definition.Stored ? Field.Store.YES : Field.Store.NO)
                                : new StoredField(name, text));
                        }
                    }
                    writer.AddDocument(document);
                });
                writer.Commit();
            }
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine($"raw Lucene rebuild: {valueSets.Count} documents in {clock.Elapsed.TotalSeconds:0.00} s, CPU {cpu.TotalSeconds:0.00} s, " +
                $"{size / 1048576.0:0.0} MiB on disk");
            RebuildPairs.PrintSeconds(clock.Elapsed);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
