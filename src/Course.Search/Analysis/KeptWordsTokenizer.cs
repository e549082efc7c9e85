using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Course.Search.Analysis;

/// <summary>
/// Reads a text word by word (words are what lies between whitespace) and gives each word's tokens as the analysis chain
/// made them, kept per word (<see cref="KeptWordTokens"/>): positions shifted by the positions the words before take,
/// offsets by where the word starts. The chain's tokenizer always breaks at whitespace and each of its filters works
/// on one token at a time, so this is the token stream the chain gives for the whole text, end state included.
/// </summary>
internal sealed class KeptWordsTokenizer : Tokenizer
{
    /// <summary>A buffer grown for a long text (a transcript) is let go after it, not kept per thread and field.</summary>
    private const int LargestKeptText = 1 << 16;

    private readonly KeptWordTokens words;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute increment;
    private readonly IOffsetAttribute offset;
    private readonly ITypeAttribute type;
    private char[] text = new char[256];
    private int length;
    private int read;
    private WordToken[] tokens = [];
    private int next;
    private int wordStart;
    private int wordPosition;
    private int positionsTaken;
    private int lastPosition;

    public KeptWordsTokenizer(TextReader input, KeptWordTokens words) : base(input)
    {
        this.words = words;
        term = AddAttribute<ICharTermAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (next == tokens.Length)
        {
            if (!NextWord()) return false;
        }
        var token = tokens[next++];
        term.CopyBuffer(token.Term, 0, token.Term.Length);
        var position = wordPosition + token.Position;
        increment.PositionIncrement = position - lastPosition;
        lastPosition = position;
        offset.SetOffset(CorrectOffset(wordStart + token.Start), CorrectOffset(wordStart + token.End));
        type.Type = token.Type;
        return true;
    }

    private bool NextWord()
    {
        while (read < length && char.IsWhiteSpace(text[read])) read++;
        if (read == length) return false;
        wordStart = read;
        while (read < length && !char.IsWhiteSpace(text[read])) read++;
        var word = words.Of(text.AsSpan(wordStart, read - wordStart));
        tokens = word.Tokens;
        next = 0;
        wordPosition = positionsTaken;
        positionsTaken += word.Span;
        return true;
    }

    /// <summary>As the chain ends: the offset after the text, and the positions taken after the last token (stop words).</summary>
    public override void End()
    {
        base.End();
        var end = CorrectOffset(length);
        offset.SetOffset(end, end);
        increment.PositionIncrement = positionsTaken - lastPosition - 1;
    }

    public override void Reset()
    {
        base.Reset();
        if (text.Length > LargestKeptText) text = new char[256];
        length = 0;
        int chunk;
        while ((chunk = m_input.Read(text, length, text.Length - length)) > 0)
        {
            length += chunk;
            if (length == text.Length) Array.Resize(ref text, text.Length * 2);
        }
        read = 0;
        tokens = [];
        next = 0;
        positionsTaken = 0;
        lastPosition = -1;
    }
}
