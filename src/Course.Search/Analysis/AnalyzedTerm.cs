using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Course.Search.Analysis;

/// <summary>
/// A term as the analyzer produced it, with its position (stop words leave gaps) and, for query words, the word
/// as typed in lower case before stemming (<paramref name="Surface"/>), which spelling correction works on.
/// </summary>
public readonly record struct AnalyzedTerm(string Text, int Position, string? Surface = null)
{
    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> in <paramref name="field"/>, positions from 0.</summary>
    public static IReadOnlyList<AnalyzedTerm> Read(Analyzer analyzer, string field, string text)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(new AnalyzedTerm(term.ToString(), position));
        }
        stream.End();
        return terms;
    }
}
