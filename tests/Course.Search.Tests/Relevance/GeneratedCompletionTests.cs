using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// Completions on a generated corpus of several segments, with titles repeated across types and documents replaced
/// and removed after the build, against an answer worked out by reading every live title: a title is offered when it
/// holds every whole word typed and a word beginning with the last one, techniques before chapters before videos.
/// </summary>
public sealed class GeneratedCompletionTests : IAsyncLifetime, IDisposable
{
    private const int Count = 8;

    private static readonly string[] Words =
    [
        "pin", "and", "stretch", "stretching", "strip", "stripping", "piriformis", "pillow", "release", "relax", "gluteus",
        "medius", "maximus", "for", "the", "prone", "press", "seated", "side", "lying", "myofascial", "trigger", "point",
    ];

    private static readonly string[] Categories = [CourseIndexSchema.Technique, CourseIndexSchema.Chapter, CourseIndexSchema.Video];

    private readonly TemporaryFolder folder = new();
    private readonly Random random = new(20261202);
    /// <summary>What the index should hold after every change: each live document's type and title.</summary>
    private readonly Dictionary<string, (string Category, string Title)> live = [];
    private CourseIndex index = null!;
    private CourseSearcher searcher = null!;

    public async Task InitializeAsync()
    {
        index = CourseIndex.Open(folder.Path, CourseIndexSchema.Definition);
        // Titles drawn from a small pool, so one title is held by documents of several types and segments.
        var titles = Enumerable.Range(0, 160).Select(_ => Title()).ToList();
        string Pick() => titles[random.Next(titles.Count)];
        var built = Enumerable.Range(0, 500).Select(i => Document($"d{i}", Pick())).ToList();
        await index.EnsureBuiltAsync(() => built.ToAsyncEnumerable());
        // Later changes land in segments of their own: new documents, replaced ones (a new title), removed ones.
        index.IndexItems(Enumerable.Range(500, 120).Select(i => Document($"d{i}", Pick())));
        index.IndexItems(Enumerable.Range(0, 40).Select(i => Document($"d{i * 7}", Title())));
        index.DeleteFromIndex(Enumerable.Range(0, 40).Select(i => $"d{i * 11 + 3}"));
        foreach (var i in Enumerable.Range(0, 40)) live.Remove($"d{i * 11 + 3}");
        searcher = new CourseSearcher(index, SynonymList.Empty);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void The_corpus_spans_several_segments()
    {
        Assert.True(index.Read(s => s.IndexReader.Leaves.Count) >= 3);
        Assert.True(index.Read(s => s.IndexReader.NumDeletedDocs) > 0);
    }

    [Fact]
    public void Several_words_complete_what_reading_every_title_completes()
    {
        var checkedTyped = 0;
        foreach (var typed in TypedFromTitles().Distinct())
        {
            var expected = Matching(typed);
            if (expected.Count == 0) continue; // then a typo is guessed at: see the typo cases
            var offered = searcher.Suggest(typed, Count);
            AssertBestOf(typed, expected, offered);
            checkedTyped++;
        }
        Assert.True(checkedTyped > 300, $"only {checkedTyped} typed texts had completions");
    }

    [Theory]
    [InlineData("and strech")]
    [InlineData("gluteus medisu")]
    [InlineData("the piriformsi")]
    [InlineData("the pirfiormis")]
    public void A_typo_in_the_last_word_completes_titles_holding_the_meant_word(string typed)
    {
        var meant = typed.Split(' ')[^1] switch
        {
            "strech" => "stretch",
            "medisu" => "medius",
            _ => "piriformis",
        };
        // The words beginning as meant ("stretch", "stretching").
        var expected = Matching(string.Join(' ', typed.Split(' ')[..^1].Append(meant)));
        Assert.NotEmpty(expected);
        AssertBestOf(typed, expected, searcher.Suggest(typed, Count));
    }

    [Fact]
    public void Words_no_live_title_holds_together_complete_nothing()
    {
        Assert.Empty(searcher.Suggest("pillow zzz"));
        Assert.Empty(searcher.Suggest("pillow medius gluteus maximus prone seated press release"));
    }

    /// <summary>
    /// The offered titles are matching ones, one per title's words, and the best of them: all of them when few match,
    /// otherwise <see cref="Count"/> with no better type left out, in the order of types and then of length.
    /// </summary>
    private void AssertBestOf(string typed, Dictionary<string, Completion> expected, IReadOnlyList<Suggestion> offered)
    {
        var offeredWords = offered.Select(s => string.Join(' ', Analyzed(s.Text))).ToList();
        for (var i = 0; i < offered.Count; i++)
        {
            Assert.True(expected.TryGetValue(offeredWords[i], out var completion) && completion.Titles.Contains(offered[i].Text),
                $"\"{typed}\" offered \"{offered[i].Text}\", which does not hold it");
            Assert.Equal(completion.Rank, Rank(offered[i].Type));
        }
        Assert.Equal(offeredWords.Count, offeredWords.Distinct().Count());
        if (expected.Count <= Count)
        {
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), offeredWords.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(Count, offered.Count);
            var worst = offeredWords.Max(w => expected[w].Rank);
            var better = expected.Where(e => e.Value.Rank < worst && !offeredWords.Contains(e.Key)).Select(e => e.Key).ToList();
            Assert.True(better.Count == 0, $"\"{typed}\" left out {string.Join(", ", better)}");
        }
        var order = offered.Select(s => (Rank: Rank(s.Type), s.Text.Length)).ToList();
        Assert.Equal(order.OrderBy(o => o.Rank).ThenBy(o => o.Length), order);
    }

    /// <summary>
    /// Each live title's words that hold the typed words, with the best type among the documents holding them, and
    /// their titles (they differ only in case and punctuation).
    /// </summary>
    private Dictionary<string, Completion> Matching(string typed)
    {
        var words = Analyzed(typed);
        var complete = char.IsWhiteSpace(typed[^1]);
        var whole = complete ? words : words[..^1];
        var found = new Dictionary<string, Completion>(StringComparer.Ordinal);
        foreach (var (category, title) in live.Values)
        {
            var held = Analyzed(title);
            if (!whole.All(held.Contains) || !(complete || held.Any(w => w.StartsWith(words[^1], StringComparison.Ordinal)))) continue;
            var key = string.Join(' ', held);
            var completion = found.GetValueOrDefault(key) ?? new Completion(int.MaxValue, []);
            completion.Titles.Add(title);
            found[key] = completion with { Rank = Math.Min(completion.Rank, Rank(category)) };
        }
        return found;
    }

    private sealed record Completion(int Rank, HashSet<string> Titles);

    /// <summary>What people type: a title's words in any order, the last cut short or finished with a space.</summary>
    private IEnumerable<string> TypedFromTitles()
    {
        foreach (var (_, title) in live.Values.Take(300))
        {
            var words = Analyzed(title);
            for (var n = 2; n <= Math.Min(3, words.Length); n++)
            {
                var chosen = words.OrderBy(_ => random.Next()).Take(n).ToList();
                var last = chosen[^1];
                yield return string.Join(' ', chosen[..^1].Append(last[..Math.Min(last.Length, 1 + random.Next(3))]));
                yield return string.Join(' ', chosen) + " ";
            }
        }
        // Words drawn at random, most of which no title holds together.
        for (var i = 0; i < 100; i++) yield return $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)][..2]}";
    }

    private string[] Analyzed(string text) => [.. AnalyzedTerm.Read(index.Analyzer, IndexSchema.SuggestField, text).Select(t => t.Text)];

    private static int Rank(string category) => Array.IndexOf(Categories, category);

    private string Title()
    {
        var words = Enumerable.Range(0, 2 + random.Next(5)).Select(_ => Words[random.Next(Words.Length)]).ToList();
        var title = string.Join(' ', words);
        // Case and punctuation vary; completions compare titles by their words.
        return random.Next(4) == 0 ? title.ToUpperInvariant().Replace(' ', '-') : char.ToUpperInvariant(title[0]) + title[1..];
    }

    private ValueSet Document(string id, string title)
    {
        var category = Categories[random.Next(Categories.Length)];
        live[id] = (category, title);
        return CompletionListTests.Document(id, category, title);
    }
}
