using System.Collections.Concurrent;
using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Course.Search.Analysis;

/// <summary>
/// English analysis for text fields (EnglishAnalyzer's chain: possessives, lower case, stop words, Porter stems,
/// plus accent folding), plain lower-case words for the suggest field, whose completions must match what
/// people type before any stemming, and the whole value as one term for keyword fields (ids, slugs).
/// </summary>
/// <param name="keywordFields">
/// Fields indexed as one exact term. They go through the analyzer rather than as Lucene's <c>StringField</c> because
/// each <c>StringField</c> builds a new token stream per document, and building one takes a process-wide lock
/// that the rebuild's threads queue on; the analyzer's token streams are reused per thread and field.
/// </param>
public sealed class SearchAnalyzer(IReadOnlySet<string>? keywordFields = null) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Keeps the values of a multi-valued field apart, so a phrase cannot span two muscles.</summary>
    private const int ValueGap = 100;

    /// <summary>Words kept per field: a course's vocabulary, and well past the 100,000-document benchmark's.</summary>
    private const int KeptWordsPerField = 32_768;

    private readonly WordChain chain = new();
    private readonly ConcurrentDictionary<string, KeptWordTokens> keptWords = new(StringComparer.Ordinal);

    // Text is analysed word by word from kept words (see KeptWordsTokenizer), which gives what the chain gives.
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        keywordFields?.Contains(fieldName) == true
            ? new TokenStreamComponents(new KeywordTokenizer(reader))
            : new TokenStreamComponents(new KeptWordsTokenizer(reader, keptWords.GetOrAdd(fieldName, field => new KeptWordTokens(chain, field, KeptWordsPerField))));

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override void Dispose(bool disposing)
    {
        if (disposing) chain.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>The analysis chain itself, which kept words are made with.</summary>
    internal sealed class WordChain() : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, new StandardFilter(Version, tokenizer));
            if (fieldName == IndexSchema.SuggestField) return new TokenStreamComponents(tokenizer, stream);
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
        }
    }
}
