using BitFaster.Caching.Lru;
using Course.Search.Indexing;
using Lucene.Net.Analysis;

namespace Course.Search.Analysis;

/// <summary>
/// What the analyzer makes of single words (text without whitespace) in one field, kept: search-as-you-type sends each
/// word again with every keystroke after it, and analysing the whole text twice per search (its terms, then their
/// surfaces) was a sixth of preparing a first-seen query. The tokenizer always breaks at whitespace and every filter
/// works on one token at a time, so a text's terms are its words' terms, their positions shifted by the words before.
/// </summary>
public sealed class AnalyzedWords(Analyzer analyzer, string field, int capacity = AnalyzedWords.DefaultCapacity)
{
    /// <summary>Words kept: a site's vocabulary and the half-typed words before each, well under a megabyte.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentLru<string, AnalyzedWord> kept = new(capacity);

    public AnalyzedWord Of(string word) => kept.GetOrAdd(word, Analyze);

    /// <summary>The terms of <paramref name="text"/> with their surfaces, positions from 0 (stop words leave gaps).</summary>
    public List<AnalyzedTerm> Read(string text)
    {
        var terms = new List<AnalyzedTerm>();
        var position = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var analyzed = Of(word);
            foreach (var term in analyzed.Terms) terms.Add(term with { Position = term.Position + position });
            position += analyzed.Span;
        }
        return terms;
    }

    // Both analyses share the tokenizer and keep positions (stop words leave gaps), so positions pair them up; the
    // surface analysis drops no token, so its count is how many positions the word takes.
    private AnalyzedWord Analyze(string word)
    {
        var surfaces = AnalyzedTerm.Read(analyzer, IndexSchema.SuggestField, word);
        var terms = AnalyzedTerm.Read(analyzer, field, word)
            .Select(t => t with { Surface = surfaces.FirstOrDefault(s => s.Position == t.Position).Text })
            .ToArray();
        return new AnalyzedWord(terms, surfaces.Count == 0 ? 0 : surfaces[^1].Position + 1);
    }
}

/// <summary>A word's terms, positions from its first token, and how many positions it takes in a text (<paramref name="Span"/>).</summary>
public sealed record AnalyzedWord(IReadOnlyList<AnalyzedTerm> Terms, int Span);
