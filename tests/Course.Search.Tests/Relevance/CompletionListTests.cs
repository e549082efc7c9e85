using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Search.Tests.Seed;

namespace Course.Search.Tests.Relevance;

/// <summary>
/// What is typed is completed by walking each segment's titles in completion order (techniques first, then the
/// shortest titles); a title repeated by many documents or a removed document must not change what is offered.
/// </summary>
public sealed class CompletionListTests : IAsyncLifetime, IDisposable
{
    /// <summary>Many chapters of one title, walked past as one completion.</summary>
    private const int RepeatedChapters = 45;

    private readonly TemporaryFolder folder = new();
    private CourseIndex index = null!;
    private CourseSearcher searcher = null!;

    public async Task InitializeAsync()
    {
        index = CourseIndex.Open(folder.Path, CourseIndexSchema.Definition);
        var valueSets = Enumerable.Range(0, RepeatedChapters).Select(i => Document($"chapter-{i}", CourseIndexSchema.Chapter, "Piriformis release"))
            .Append(Document("chapter-pin", CourseIndexSchema.Chapter, "Piriformis pin and stretch with the client prone"))
            .Append(Document("technique", CourseIndexSchema.Technique, "Piriformis stretch for the seated client"))
            .Append(Document("video", CourseIndexSchema.Video, "Piriformis"));
        await index.EnsureBuiltAsync(() => valueSets.ToAsyncEnumerable());
        searcher = new CourseSearcher(index, SynonymList.Empty);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    [Theory]
    [InlineData("pi")]
    [InlineData("piri")]
    [InlineData("piriformis")]
    [InlineData("piriformis ")]
    public void Every_title_completes_once_techniques_first_when_many_documents_share_one(string typed)
    {
        var titles = searcher.Suggest(typed).Select(s => s.Text).ToList();
        Assert.Equal(
            ["Piriformis stretch for the seated client", "Piriformis release", "Piriformis pin and stretch with the client prone", "Piriformis"],
            titles);
    }

    [Theory]
    [InlineData("piriformis pin", new[] { "Piriformis pin and stretch with the client prone" })]
    [InlineData("piriformis cl", new[] { "Piriformis stretch for the seated client", "Piriformis pin and stretch with the client prone" })]
    [InlineData("piriformis re", new[] { "Piriformis release" })]
    [InlineData("stretch se", new[] { "Piriformis stretch for the seated client" })]
    [InlineData("piriformis stretch ", new[] { "Piriformis stretch for the seated client", "Piriformis pin and stretch with the client prone" })]
    [InlineData("release st", new string[0])]
    public void Several_words_complete_titles_holding_all_of_them(string typed, string[] expected) =>
        Assert.Equal(expected, searcher.Suggest(typed).Select(s => s.Text).ToList());

    [Fact]
    public void A_removed_document_is_not_completed()
    {
        index.DeleteFromIndex(["technique", "chapter-pin"]);
        Assert.Equal(["Piriformis release", "Piriformis"], searcher.Suggest("piri").Select(s => s.Text).ToList());
    }

    /// <summary>A document with a title and a url only: what completions read.</summary>
    internal static ValueSet Document(string id, string category, string title) =>
        new(id, category, null, new Dictionary<string, IReadOnlyList<object>>
        {
            [CourseIndexSchema.Title] = [title],
            [CourseIndexSchema.Url] = [$"/{id}"],
        });
}
