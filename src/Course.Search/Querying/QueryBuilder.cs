using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// Builds the Lucene query from analyzed terms (never from raw text): each word or synonym group is one
/// clause, the best of the searched fields with their boosts; words the index does not know are matched
/// fuzzily; the words as a phrase earn a bonus; quoted phrases are required.
/// </summary>
internal sealed class QueryBuilder(IndexSchema schema, SynonymList synonyms, Analyzer analyzer)
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
        foreach (var concept in Concepts(text.Words))
            query.Add(ConceptQuery(concept, reader), Occur.SHOULD);
        if (text.Words.Count > 1)
            query.Add(BestField(field => Phrase(field.Name, text.Words, PhraseSlop), PhraseWeight), Occur.SHOULD);
        foreach (var phrase in text.Phrases)
            query.Add(BestField(field => Phrase(field.Name, phrase, 0), PhraseWeight), Occur.MUST);
        return query;
    }

    /// <summary>
    /// Groups the words into concepts, the longest synonym entries first ("si joint" before "joint"): each has
    /// alternative term sequences, the typed one first; a word without synonyms keeps its typed form too.
    /// </summary>
    private IEnumerable<Concept> Concepts(IReadOnlyList<AnalyzedTerm> words)
    {
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(synonyms.LongestEntry, words.Count - i); length > 0 && !matched; length--)
            {
                if (synonyms.AlternativesOf(words.Skip(i).Take(length).Select(w => w.Text)) is { } alternatives)
                {
                    yield return new Concept(alternatives, null);
                    i += length;
                    matched = true;
                }
            }
            if (!matched)
            {
                var word = words[i++];
                yield return new Concept([[word.Text]], word.Surface);
            }
        }
    }

    private Query ConceptQuery(Concept concept, IndexReader reader)
    {
        // A single word no field knows is probably misspelt: look for close spellings instead.
        if (concept.Surface is { } surface && concept.Alternatives[0] is [var stem]
            && !schema.Searched.Any(f => reader.DocFreq(new Term(f.Name, stem)) > 0))
        {
            return Misspelt(stem, surface, reader);
        }
        return BestField(field =>
        {
            var any = new BooleanQuery();
            for (var i = 0; i < concept.Alternatives.Count; i++)
            {
                var alternative = Phrase(field.Name, concept.Alternatives[i].Select((t, p) => new AnalyzedTerm(t, p)).ToList(), 0);
                alternative.Boost = i == 0 ? 1 : SynonymWeight;
                any.Add(alternative, Occur.SHOULD);
            }
            return any.Clauses.Count == 1 ? any.Clauses[0].Query : any;
        }, 1);
    }

    /// <summary>
    /// Close spellings of the stem in each field, and the stems of close spellings of the word as typed among
    /// title and muscle words: stemming can carry a typo further ("longitudinaly" → "longitudinali", three edits
    /// from "longitudin"), while the typed word is one edit from "longitudinally".
    /// </summary>
    private Query Misspelt(string stem, string surface, IndexReader reader)
    {
        var corrected = new FuzzyQuery(new Term(IndexSchema.SuggestField, surface), AllowedEdits(surface), FuzzyPrefix, FuzzyExpansions, transpositions: true)
            .Rewrite(reader) is BooleanQuery spellings
            ? spellings.Clauses.Select(c => c.Query).OfType<TermQuery>()
                .SelectMany(q => AnalyzedTerm.Read(analyzer, schema.TitleField, q.Term.Text)).Select(t => t.Text)
                .Where(t => t != stem).Distinct().ToList()
            : [];
        var edits = AllowedEdits(stem);
        return BestField(field =>
        {
            var any = new BooleanQuery();
            if (edits > 0) any.Add(new FuzzyQuery(new Term(field.Name, stem), edits, FuzzyPrefix, FuzzyExpansions, transpositions: true), Occur.SHOULD);
            foreach (var correction in corrected) any.Add(new TermQuery(new Term(field.Name, correction)), Occur.SHOULD);
            return any;
        }, FuzzyWeight);
    }

    /// <summary>Words of 4–7 letters may be one edit off, longer ones two ("piriformus" → "piriformis").</summary>
    private static int AllowedEdits(string word) => word.Length >= 8 ? 2 : word.Length >= 4 ? 1 : 0;

    private sealed record Concept(IReadOnlyList<string[]> Alternatives, string? Surface);

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
