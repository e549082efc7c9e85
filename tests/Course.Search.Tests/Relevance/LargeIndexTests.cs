using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Search.Tests.Seed;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// On an index large enough that common words match thousands of documents, the search counts matches without
/// scoring them and scores only its clauses' leaders and the documents matching the most clauses: the totals and
/// facet counts must equal those of scoring every match, and the page must hold the best-scored documents, or nearly.
/// </summary>
public sealed class LargeIndexTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    public static TheoryData<string, string?, string?> Searches => new()
    {
        { "slow sustained pressure", null, null },
        { "myofascial release", null, null },
        { "cross fiber friction forearm", null, null },
        { "gluteus medius", null, null },
        { "hip", CourseIndexSchema.Chapter, null },
        { "pressure", null, "piriformis" },
        { "release", CourseIndexSchema.Technique, null },
        { "\"slow sustained\" tissue", null, null },
        { "piriformus stretch", null, null },
        { "working with the hip in abduction", null, null },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void Totals_and_facet_counts_equal_those_of_scoring_every_match(string text, string? type, string? muscle)
    {
        var request = generated.Request(text, type, muscle);
        var found = generated.Searcher.Search(request);
        var expected = generated.ScoringEveryMatch(request);
        Assert.True(found.Total > 1000, $"{found.Total} matches: too few to take the two-step path");
        Assert.Equal(expected.Total, found.Total);
        foreach (var field in generated.Index.Schema.Facets)
            Assert.Equal(expected.Counts[field], found.Facets[field].ToDictionary(f => f.Value, f => f.Count));
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void The_page_holds_the_best_scored_documents_or_nearly(string text, string? type, string? muscle)
    {
        var request = generated.Request(text, type, muscle);
        var found = generated.Searcher.Search(request).Hits.Select(h => h.Score).ToList();
        var best = generated.ScoringEveryMatch(request).BestScores;
        Assert.Equal(10, found.Count);
        // Exact but for the last bits of a float (scores summed in another order), except where every word is in most
        // documents ("slow sustained pressure"): a document that no clause puts near its top and that does not match
        // every clause may be missed, and the next best, within a percent, takes its place.
        for (var rank = 0; rank < found.Count; rank++) Assert.InRange(found[rank], best[rank] * 0.99f, best[rank] * 1.00001f);
    }
}

/// <summary>An index of 12,000 generated techniques and chapters (common words in most of them), some removed, some added since.</summary>
public sealed class GeneratedIndex : IAsyncLifetime, IDisposable
{
    private static readonly string[] Muscles = ["gluteus medius", "gluteus maximus", "piriformis", "hamstrings", "forearm extensors", "trapezius", "quadratus lumborum", "plantar fascia"];
    private static readonly string[] Regions = ["hip", "low back", "neck", "forearm", "thigh", "foot"];
    private static readonly string[] Approaches = ["Myofascial release", "Cross-fiber friction", "Pin and stretch", "Stripping", "Broad compression"];
    private static readonly string[] Positions = ["prone", "supine", "with the hip in abduction", "with the forearm", "slowly"];
    private static readonly string[] Words = ["slow", "sustained", "pressure", "tissue", "client", "release", "stretch", "hold", "breathe", "glide", "warm", "layer"];

    private readonly TemporaryFolder folder = new();
    private readonly Random random = new(14);
    // Each generated document's facet values as generated, so the expected counts do not come from the index's own.
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> facetValues = [];

    public CourseIndex Index { get; private set; } = null!;
    public CourseSearcher Searcher { get; private set; } = null!;
    private Course.Search.Analysis.SynonymList synonyms = null!;

    public async Task InitializeAsync()
    {
        Index = CourseIndex.Open(folder.Path, CourseIndexSchema.Definition);
        await Index.EnsureBuiltAsync(() => Enumerable.Range(0, 12_000).Select(Document).ToAsyncEnumerable());
        // Removed documents stay in their segment's postings until a merge; added ones make a second segment.
        Index.Apply([new IndexChange([.. Enumerable.Range(0, 300).Select(i => Id(i * 37))], [.. Enumerable.Range(12_000, 200).Select(Document)])]);
        synonyms = SeedCourse.Synonyms();
        Searcher = new CourseSearcher(Index, synonyms);
    }

    public SearchRequest Request(string text, string? type, string? muscle)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (type is not null) filters[CourseIndexSchema.Type] = [type];
        if (muscle is not null) filters[CourseIndexSchema.Muscle] = [muscle];
        return new SearchRequest(text, filters);
    }

    public sealed record Expected(int Total, IReadOnlyDictionary<string, Dictionary<string, int>> Counts, IReadOnlyList<float> BestScores);

    /// <summary>The total, facet counts and scores (best first) of the same query when every match is scored and read one by one.</summary>
    public Expected ScoringEveryMatch(SearchRequest request)
    {
        var schema = Index.Schema;
        var text = QueryText.Analyze(request.Text, Index.Analyzer, schema.TitleField);
        return Index.Read(searcher =>
        {
            var query = new QueryBuilder(schema, synonyms, Index.Analyzer).Build(text, searcher);
            var matches = new List<(float Score, Dictionary<string, HashSet<string>> Values)>();
            searcher.Search(query, new EveryMatch(facetValues, matches));
            var counts = schema.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());
            var scores = new List<float>();
            foreach (var (score, values) in matches)
            {
                var failing = schema.Facets.Where(f => request.Filters.TryGetValue(f, out var wanted) && !wanted.Any(values[f].Contains)).ToList();
                if (failing.Count == 0) scores.Add(score);
                foreach (var field in schema.Facets)
                {
                    // Drill sideways: a field counts the documents that fail at most its own filter.
                    if (failing.Count > 1 || (failing.Count == 1 && failing[0] != field)) continue;
                    foreach (var value in values[field]) counts[field][value] = counts[field].GetValueOrDefault(value) + 1;
                }
            }
            // The searcher lists at most SearchLimits.FacetValues values per field, most frequent first.
            scores.Sort((a, b) => b.CompareTo(a));
            return new Expected(scores.Count, counts.ToDictionary(c => c.Key, c => c.Value
                .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(SearchLimits.FacetValues)
                .ToDictionary(v => v.Key, v => v.Value)), scores);
        });
    }

    private sealed class EveryMatch(
        Dictionary<string, Dictionary<string, HashSet<string>>> facetValues, List<(float, Dictionary<string, HashSet<string>>)> matches) : ICollector
    {
        private AtomicReader? segment;
        private Scorer? scorer;

        public bool AcceptsDocsOutOfOrder => false;
        public void SetScorer(Scorer scorer) => this.scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => segment = context.AtomicReader;

        public void Collect(int doc) => matches.Add((scorer!.GetScore(), facetValues[segment!.Document(doc).Get(IndexSchema.IdField)]));
    }

    private static string Id(int i) => $"generated-{i}";

    private ValueSet Document(int i)
    {
        var muscles = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(Muscles)).Distinct().ToList();
        var chapter = i % 3 != 0;
        var title = $"{Pick(Approaches)} for the {muscles[0]} {Pick(Positions)}";
        var values = new Dictionary<string, IReadOnlyList<object>>
        {
            [CourseIndexSchema.Title] = [title],
            [CourseIndexSchema.Muscle] = [.. muscles],
            [CourseIndexSchema.Region] = [Pick(Regions)],
            [CourseIndexSchema.Body] = [string.Join(' ', Enumerable.Range(0, 10 + random.Next(30)).Select(_ => random.Next(4) == 0 ? Pick(Muscles) : Word()))],
        };
        if (chapter) values[CourseIndexSchema.Techniques] = [title];
        var category = chapter ? CourseIndexSchema.Chapter : CourseIndexSchema.Technique;
        facetValues[Id(i)] = new()
        {
            [CourseIndexSchema.Type] = [category],
            [CourseIndexSchema.Muscle] = [.. muscles],
            [CourseIndexSchema.Region] = [(string)values[CourseIndexSchema.Region][0]],
        };
        return new ValueSet(Id(i), category, null, values);
    }

    // Earlier words are much more common, as in prose.
    private string Word() => Words[(int)Math.Min(Words.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 2.5) * Words.Length))];

    private string Pick(string[] values) => values[random.Next(values.Length)];

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Index.Dispose();
        folder.Dispose();
    }
}
