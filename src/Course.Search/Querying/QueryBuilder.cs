using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// Builds the Lucene query from analyzed terms (never from raw text): each word or synonym group is one
/// clause, the best of the searched fields with their boosts; words the index does not know are replaced by
/// their closest known spellings; the words in order earn a bonus; quoted phrases are required.
/// A field that lacks a word (or phrase) gets no query for it. Such a query matched nothing, yet each was weighed,
/// scored and counted by every search (most words are in two or three of the six fields): two thirds of a typed
/// search's term queries. Leaving it out changes only the query's norm, one factor common to all its scores, so
/// every search ranks as before.
/// </summary>
internal sealed class QueryBuilder(IndexSchema schema, SynonymList synonyms, Analyzer analyzer)
{
    // Relative weights: an exact word beats its synonym, which beats a guessed spelling; a phrase beats loose words.
    private const float SynonymWeight = 0.8f;
    private const float FuzzyWeight = 0.5f;
    private const float PhraseWeight = 2f;
    private const float TieBreaker = 0.1f;
    private const float PhraseBonusMinBoost = 2;
    private const int MaxCorrections = 10;
    /// <summary>Concept clauses kept per reader: the words of thousands of searches, and the half-typed words before them.</summary>
    private const int KeptConcepts = 4096;

    // Search-as-you-type sends each word again with every keystroke after it, and its clause (its fields, its synonyms,
    // the corrections of a half-typed word) is the same for the same reader: building clauses, corrections above all,
    // was most of preparing a first-seen search. Nothing changes a clause once built, so searches share it.
    private readonly ConditionalWeakTable<IndexReader, ConcurrentLru<string, Query>> keptConcepts = new();

    public Query Build(QueryText text, IndexSearcher searcher)
    {
        var stats = TermLookups.Of(searcher.IndexReader);
        var kept = keptConcepts.GetValue(searcher.IndexReader, _ => new ConcurrentLru<string, Query>(KeptConcepts));
        var query = new BooleanQuery();
        var concepts = Concepts(text.Words).ToList();
        foreach (var concept in concepts)
        {
            var clause = kept.GetOrAdd(concept.Key, static (_, a) => a.Builder.ConceptQuery(a.Concept, a.Searcher, a.Stats), (Builder: this, Concept: concept, Searcher: searcher, Stats: stats));
            query.Add(clause, Occur.SHOULD);
        }
        // One concept of several words (a synonym entry such as "gluteus medius") is already a phrase.
        if (concepts.Count > 1)
            query.Add(BestField(field => Phrase(field.Name, text.Words, searcher, stats), PhraseWeight, PhraseBonusFields), Occur.SHOULD);
        foreach (var phrase in text.Phrases)
            query.Add(BestField(field => Phrase(field.Name, phrase, searcher, stats), PhraseWeight), Occur.MUST);
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

    private Query ConceptQuery(Concept concept, IndexSearcher searcher, TermLookups stats)
    {
        // A single word no field knows is probably misspelt: look for close spellings instead.
        if (concept.Surface is { } surface && concept.Alternatives[0] is [var stem]
            && !schema.Searched.Any(f => stats.Holds(new Term(f.Name, stem))))
        {
            return Misspelt(stem, surface, stats);
        }
        return BestField(field =>
        {
            var any = new BooleanQuery();
            var known = false;
            for (var i = 0; i < concept.Alternatives.Count; i++)
            {
                var alternative = Phrase(field.Name, concept.Alternatives[i].Select((t, p) => new AnalyzedTerm(t, p)).ToList(), searcher, stats);
                known |= alternative is not null;
                // An alternative the field lacks keeps its place, empty: the coord factor counts the alternatives.
                alternative ??= new BooleanQuery();
                alternative.Boost = i == 0 ? 1 : SynonymWeight;
                any.Add(alternative, Occur.SHOULD);
            }
            if (!known) return null;
            return any.Clauses.Count == 1 ? any.Clauses[0].Query : any;
        }, 1);
    }

    /// <summary>
    /// The closest known spellings, found once and searched as plain terms in every field (so neither scoring nor
    /// highlighting expands a fuzzy query): close spellings of the stem among tag and body terms, and the stems of
    /// close spellings of the word as typed among title words, since stemming can carry a typo further
    /// ("longitudinaly" → "longitudinali", three edits from "longitudin", while the typed word is one edit from
    /// "longitudinally").
    /// </summary>
    private Query Misspelt(string stem, string surface, TermLookups stats)
    {
        var reader = stats.Reader;
        var corrections = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var field in SpellingFields)
        {
            foreach (var (term, similarity) in Spellings.Near(reader, field, stem, AllowedEdits(stem))) Keep(corrections, term, similarity);
        }
        foreach (var (word, similarity) in Spellings.Near(reader, IndexSchema.SuggestField, surface, AllowedEdits(surface)))
        {
            foreach (var term in AnalyzedTerm.Read(analyzer, schema.TitleField, word)) Keep(corrections, term.Text, similarity);
        }
        var best = corrections.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxCorrections).ToList();
        return BestField(field =>
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var (term, similarity) in best)
            {
                if (Word(field.Name, term, stats) is { } word) any.Add(word.WithBoost(similarity), Occur.SHOULD);
            }
            return any.Clauses.Count == 0 ? null : any;
        }, FuzzyWeight);
    }

    /// <summary>The fields whose terms spelling is corrected against, beside title words: tags and the snippet (body) text.</summary>
    public static IEnumerable<string> SpelledFields(IndexSchema schema) =>
        schema.Searched.Where(f => f.Type == FieldType.Tag).Select(f => f.Name).Append(schema.SnippetField).Append(IndexSchema.SuggestField);

    private IEnumerable<string> SpellingFields => SpelledFields(schema).Where(f => f != IndexSchema.SuggestField);

    private static void Keep(Dictionary<string, float> corrections, string term, float similarity) =>
        corrections[term] = Math.Max(similarity, corrections.GetValueOrDefault(term));

    /// <summary>Words of 4–7 letters may be one edit off, longer ones two ("piriformus" → "piriformis").</summary>
    private static int AllowedEdits(string word) => word.Length >= 8 ? 2 : word.Length >= 4 ? 1 : 0;

    private sealed record Concept(IReadOnlyList<string[]> Alternatives, string? Surface)
    {
        /// <summary>Its alternatives and the word as typed (corrections start from it), in one string.</summary>
        public string Key => string.Join('|', Alternatives.Select(terms => string.Join(' ', terms))) + "|" + Surface;
    }

    // Titles, technique names and tags: where words in order mean a name. Positions in long bodies cost more than they tell.
    private IEnumerable<FieldDefinition> PhraseBonusFields => schema.Searched.Where(f => f.Boost >= PhraseBonusMinBoost);

    /// <summary>
    /// The best of the fields' queries (null where a field matches nothing); when no field matches, an empty query, which
    /// still counts as a clause of the whole, as its coord factor counts it.
    /// </summary>
    private Query BestField(Func<FieldDefinition, Query?> perField, float weight, IEnumerable<FieldDefinition>? fields = null)
    {
        var best = new DisjunctionMaxQuery(TieBreaker);
        foreach (var field in fields ?? schema.Searched)
        {
            if (perField(field) is not { } query) continue;
            query.Boost *= field.Boost * weight;
            best.Add(query);
        }
        return best.Disjuncts.Count == 0 ? new BooleanQuery() : best;
    }

    /// <summary>The word in the field; null when no document of the field holds it.</summary>
    private static LookedUpTermQuery? Word(string field, string text, TermLookups stats)
    {
        var term = new Term(field, text);
        return stats.Holds(term) ? new LookedUpTermQuery(term) : null;
    }

    /// <summary>The words in order in the field; null when no document of the field holds them so.</summary>
    private static Query? Phrase(string field, IReadOnlyList<AnalyzedTerm> terms, IndexSearcher searcher, TermLookups stats)
    {
        if (terms.Count == 1) return Word(field, terms[0].Text, stats);
        foreach (var term in terms)
        {
            if (!stats.Holds(new Term(field, term.Text))) return null;
        }
        var phrase = new ExactPhraseQuery();
        foreach (var term in terms) phrase.Add(new Term(field, term.Text), term.Position - terms[0].Position);
        // Words the field knows that never stand in this order (most phrases of half-typed searches) are found once, by
        // the match sets, instead of by a phrase weight and scorer in every search.
        return MatchSets.Occurs(searcher, phrase) ? phrase : null;
    }
}
