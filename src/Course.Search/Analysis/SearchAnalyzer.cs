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
/// <remarks>
/// Text is read word by word from the words kept so far (<see cref="KeptWordsTokenizer"/>), which gives what the chain
/// gives. The analyzer that indexes content keeps the words it meets; the one for what people type
/// (<see cref="ForQueries"/>) reads them and keeps none, so half-typed words and typos do not fill the kept words.
/// </remarks>
public sealed class SearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Keeps the values of a multi-valued field apart, so a phrase cannot span two muscles.</summary>
    private const int ValueGap = 100;

    private readonly IReadOnlySet<string>? keywordFields;
    private readonly KeptWords keptWords;
    private readonly bool keepsNewWords;

    /// <param name="keywordFields">
    /// Fields indexed as one exact term. They go through the analyzer rather than as Lucene's <c>StringField</c> because
    /// each <c>StringField</c> builds a new token stream per document, and building one takes a process-wide lock
    /// that the rebuild's threads queue on; the analyzer's token streams are reused per thread and field.
    /// </param>
    public SearchAnalyzer(IReadOnlySet<string>? keywordFields = null) : this(keywordFields, new KeptWords(new WordChain()), keepsNewWords: true)
    {
    }

    private SearchAnalyzer(IReadOnlySet<string>? keywordFields, KeptWords keptWords, bool keepsNewWords) : base(PER_FIELD_REUSE_STRATEGY)
    {
        this.keywordFields = keywordFields;
        this.keptWords = keptWords;
        this.keepsNewWords = keepsNewWords;
    }

    /// <summary>The same analysis, reading this analyzer's kept words without keeping new ones; disposed with this one.</summary>
    public SearchAnalyzer ForQueries() => new(keywordFields, keptWords, keepsNewWords: false);

    /// <summary>How many words are kept for <paramref name="field"/>.</summary>
    internal int KeptWordCount(string field) => keptWords.For(field).Count;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        keywordFields?.Contains(fieldName) == true
            ? new TokenStreamComponents(new KeywordTokenizer(reader))
            : new TokenStreamComponents(new KeptWordsTokenizer(reader, keptWords.For(fieldName), keepsNewWords));

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override void Dispose(bool disposing)
    {
        if (disposing && keepsNewWords) keptWords.Dispose();
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
