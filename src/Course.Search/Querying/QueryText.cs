using System.Text.RegularExpressions;
using Course.Search.Analysis;
using Lucene.Net.Analysis;

namespace Course.Search.Querying;

/// <summary>
/// What a visitor typed, read without any query syntax: words, and phrases in double quotes (a quote left open
/// runs to the end). Everything else (<c>( * ~ : \ + -</c>) is punctuation the analyzer drops, so no input can
/// make a malformed query.
/// </summary>
public sealed partial record QueryText(IReadOnlyList<AnalyzedTerm> Words, IReadOnlyList<IReadOnlyList<AnalyzedTerm>> Phrases)
{
    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    public static QueryText Analyze(string text, Analyzer analyzer, string field) => Analyze(text, new AnalyzedWords(analyzer, field));

    public static QueryText Analyze(string text, AnalyzedWords analyzed)
    {
        var words = new List<AnalyzedTerm>();
        var phrases = new List<IReadOnlyList<AnalyzedTerm>>();
        var parts = Syntax().Replace(text, " ").Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var tokens = analyzed.Read(parts[i]);
            if (tokens.Count == 0) continue;
            var quoted = i % 2 == 1;
            if (quoted && tokens.Count > 1)
            {
                phrases.Add(tokens);
            }
            else
            {
                // Words keep their order across parts; the gap stops a phrase bonus from joining separate parts.
                var offset = words.Count == 0 ? 0 : words[^1].Position + 2;
                words.AddRange(tokens.Select(t => t with { Position = t.Position - tokens[0].Position + offset }));
            }
        }
        return new QueryText(words, phrases);
    }

    // Query-language operators join words for the tokenizer ("title:piriformis" is one word to it): make them spaces.
    [GeneratedRegex(@"[:\\/()\[\]{}^~*?!+&|<>=]")]
    private static partial Regex Syntax();
}
