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
/// <param name="keepsWords">
/// For indexing: text is read word by word and each word's tokens are kept the first time the chain makes them
/// (<see cref="KeptWordsTokenizer"/>), which gives the chain's token stream. Queries and snippets run the chain itself:
/// what people type (half-typed words, typos) would fill the kept words, and a word not kept costs more to analyse
/// alone than within its text.
/// </param>
public sealed class SearchAnalyzer(IReadOnlySet<string>? keywordFields = null, bool keepsWords = false) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Keeps the values of a multi-valued field apart, so a phrase cannot span two muscles.</summary>
    private const int ValueGap = 100;

    private readonly KeptWords? keptWords = keepsWords ? new KeptWords(new SearchAnalyzer()) : null;

    /// <summary>How many words are kept for <paramref name="field"/>.</summary>
    internal int KeptWordCount(string field) => keptWords?.For(field).Count ?? 0;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (keywordFields?.Contains(fieldName) == true) return new TokenStreamComponents(new KeywordTokenizer(reader));
        if (keptWords is not null) return new TokenStreamComponents(new KeptWordsTokenizer(reader, keptWords.For(fieldName)));
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, new StandardFilter(Version, tokenizer));
        if (fieldName == IndexSchema.SuggestField) return new TokenStreamComponents(tokenizer, stream);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override void Dispose(bool disposing)
    {
        if (disposing) keptWords?.Dispose();
        base.Dispose(disposing);
    }
}
