using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// Builds the Lucene query from analyzed terms (never from raw text): each word or synonym group is one
/// clause, the best of the searched fields with their boosts; words the index does not know are matched
/// fuzzily; the words as a phrase earn a bonus; quoted phrases are required.
/// </summary>
internal sealed class QueryBuilder(IndexSchema schema, SynonymList synonyms)
{
    // Relative weights: an exact word beats its synonym, which beats a guessed spelling; a phrase beats loose words.
    private const float SynonymWeight = 0.8f;
    private const float FuzzyWeight = 0.5f;
    private const float PhraseWeight = 2f;
    private const float TieBreaker = 0.1f;
    private const int PhraseSlop = 1;
    private const int FuzzyPrefix = 1;
    private const int FuzzyExpansions = 10;

    public Query Build(QueryText text, IndexReader reader)
    {
        var query = new BooleanQuery();
        foreach (var alternatives in Concepts(text.Words))
            query.Add(WordQuery(alternatives, reader), Occur.SHOULD);
        if (text.Words.Count > 1)
            query.Add(BestField(field => Phrase(field.Name, text.Words, PhraseSlop), PhraseWeight), Occur.SHOULD);
        foreach (var phrase in text.Phrases)
            query.Add(BestField(field => Phrase(field.Name, phrase, 0), PhraseWeight), Occur.MUST);
        return query;
    }

    /// <summary>
    /// Groups the words into concepts, the longest synonym entries first ("si joint" before "joint"): each is a
    /// list of alternative term sequences, the typed one first.
    /// </summary>
    private IEnumerable<IReadOnlyList<string[]>> Concepts(IReadOnlyList<AnalyzedTerm> words)
    {
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(synonyms.LongestEntry, words.Count - i); length > 0 && !matched; length--)
            {
                if (synonyms.AlternativesOf(words.Skip(i).Take(length).Select(w => w.Text)) is { } alternatives)
                {
                    yield return alternatives;
                    i += length;
                    matched = true;
                }
            }
            if (!matched) yield return [[words[i++].Text]];
        }
    }

    private Query WordQuery(IReadOnlyList<string[]> alternatives, IndexReader reader)
    {
        // A single word no field knows is probably misspelt: look for close spellings instead.
        var word = alternatives.Count == 1 && alternatives[0].Length == 1 ? alternatives[0][0] : null;
        var edits = word is null || schema.Searched.Any(f => reader.DocFreq(new Term(f.Name, word)) > 0) ? 0 : AllowedEdits(word);
        return BestField(field =>
        {
            if (edits > 0)
                return new FuzzyQuery(new Term(field.Name, word), edits, FuzzyPrefix, FuzzyExpansions, transpositions: true) { Boost = FuzzyWeight };
            var any = new BooleanQuery();
            for (var i = 0; i < alternatives.Count; i++)
            {
                var alternative = Phrase(field.Name, alternatives[i].Select((t, p) => new AnalyzedTerm(t, p)).ToList(), 0);
                alternative.Boost = i == 0 ? 1 : SynonymWeight;
                any.Add(alternative, Occur.SHOULD);
            }
            return any.Clauses.Count == 1 ? any.Clauses[0].Query : any;
        }, 1);
    }

    /// <summary>Stemmed words of 4–7 letters may be one edit off, longer ones two ("piriformus" → "piriformi").</summary>
    private static int AllowedEdits(string term) => term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;

    private DisjunctionMaxQuery BestField(Func<FieldDefinition, Query> perField, float weight)
    {
        var best = new DisjunctionMaxQuery(TieBreaker);
        foreach (var field in schema.Searched)
        {
            var query = perField(field);
            query.Boost *= field.Boost * weight;
            best.Add(query);
        }
        return best;
    }

    private static Query Phrase(string field, IReadOnlyList<AnalyzedTerm> terms, int slop)
    {
        if (terms.Count == 1) return new TermQuery(new Term(field, terms[0].Text));
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms) phrase.Add(new Term(field, term.Text), term.Position - terms[0].Position);
        return phrase;
    }
}
