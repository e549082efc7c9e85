using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Course.Search.Analysis;

/// <summary>The words kept per field, and the chain they are analysed with (which they own).</summary>
internal sealed class KeptWords(Analyzer chain) : IDisposable
{
    /// <summary>Words kept per field: a course's vocabulary, and well past the 100,000-document benchmark's.</summary>
    private const int WordsPerField = 32_768;

    private readonly ConcurrentDictionary<string, KeptWordTokens> fields = new(StringComparer.Ordinal);

    public KeptWordTokens For(string field) => fields.GetOrAdd(field, f => new KeptWordTokens(chain, f, WordsPerField));

    public void Dispose() => chain.Dispose();
}

/// <summary>
/// The tokens the analysis chain makes of each word (text between whitespace) of one field, kept the first time the word
/// is met, so the next time it is replayed rather than analysed again (see <see cref="KeptWordsTokenizer"/>). A course's
/// vocabulary is small and repeats: a rebuild at 100,000 documents analyses 7.2 million tokens of under 16,384 words a field.
/// Words met once the field keeps its capacity are analysed every time (the same tokens, slower).
/// </summary>
internal sealed class KeptWordTokens
{
    /// <summary>Longer "words" (a pasted link, a run of symbols) are seldom met twice: analysed, not kept.</summary>
    private const int MaxKeptLength = 64;

    private readonly Analyzer chain;
    private readonly string field;
    private readonly int capacity;
    private readonly ConcurrentDictionary<string, WordTokens> kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WordTokens>.AlternateLookup<ReadOnlySpan<char>> keptByChars;
    private int count;

    public KeptWordTokens(Analyzer chain, string field, int capacity)
    {
        this.chain = chain;
        this.field = field;
        this.capacity = capacity;
        keptByChars = kept.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref count);

    /// <summary>The word's tokens, kept or analysed now (and kept while there is room).</summary>
    public WordTokens Of(ReadOnlySpan<char> word)
    {
        if (keptByChars.TryGetValue(word, out var tokens)) return tokens;
        var text = word.ToString();
        tokens = WordTokens.Analyze(chain, field, text);
        if (text.Length <= MaxKeptLength && Count < capacity && kept.TryAdd(text, tokens)) Interlocked.Increment(ref count);
        return tokens;
    }
}

/// <summary>
/// A word's tokens, positions and offsets from the word's start, and how many positions the word takes in a text
/// (<paramref name="Span"/>: its tokens' and the stop words' it dropped; punctuation takes none).
/// </summary>
internal sealed record WordTokens(WordToken[] Tokens, int Span)
{
    public static WordTokens Analyze(Analyzer chain, string field, string word)
    {
        var tokens = new List<WordToken>();
        using var stream = chain.GetTokenStream(field, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new WordToken(term.Buffer.AsSpan(0, term.Length).ToArray(), position, offset.StartOffset, offset.EndOffset, type.Type));
        }
        stream.End();
        return new WordTokens([.. tokens], position + 1 + increment.PositionIncrement);
    }
}

/// <summary>One token of a word: its term, its position and offsets within the word, its type (word, number, ...).</summary>
internal readonly record struct WordToken(char[] Term, int Position, int Start, int End, string Type);
