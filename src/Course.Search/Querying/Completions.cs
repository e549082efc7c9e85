using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Course.Search.Querying;

/// <summary>
/// Search-as-you-type: the typed words as a prefix of titles' and tags' words (the last word may be partial),
/// plus tag values (muscles) that start with what was typed. A last word that completes nothing may hold a typo
/// ("pirfi"): then the words it is one edit from completing ("piriformis") are completed instead.
/// </summary>
internal sealed class Completions(IndexSchema schema, Analyzer analyzer, StoredHits stored)
{
    private const int MinLength = 2;
    private const int TagsPerField = 3;
    private const int Candidates = 50;
    /// <summary>Shorter beginnings are one edit from too many words to mean any of them.</summary>
    private const int MinTypoLength = 4;
    private const int MaxTypoCompletions = 10;

    private readonly Dictionary<string, int> ranks = schema.Categories.Select((category, rank) => (category, rank))
        .ToDictionary(c => c.category, c => c.rank, StringComparer.Ordinal);

    public IReadOnlyList<Suggestion> For(IndexSearcher searcher, string typed, int count)
    {
        var words = AnalyzedTerm.Read(analyzer, IndexSchema.SuggestField, typed);
        if (words.Count == 0 || typed.Trim().Length < MinLength) return [];
        var complete = char.IsWhiteSpace(typed[^1]);
        var found = Complete(searcher, words, complete, count, typo: false);
        if (found.Count == 0 && !complete && words[^1].Text.Length >= MinTypoLength)
            found = Complete(searcher, words, complete, count, typo: true);
        return found;
    }

    private List<Suggestion> Complete(IndexSearcher searcher, IReadOnlyList<AnalyzedTerm> words, bool complete, int count, bool typo)
    {
        var typed = string.Join(' ', words.Select(w => w.Text));
        var tags = TagValues(searcher.IndexReader, typed, typo);
        var titles = Titles(searcher, words, complete, typo, count);
        return tags.Concat(titles).DistinctBy(s => s.Text, StringComparer.OrdinalIgnoreCase).Take(count).ToList();
    }

    private List<Suggestion> Titles(IndexSearcher searcher, IReadOnlyList<AnalyzedTerm> words, bool complete, bool typo, int count)
    {
        if (words.Count == 1 && !typo && Listed(searcher.IndexReader, words[0].Text, complete, count) is { } listed) return listed;
        var reader = searcher.IndexReader;
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count - 1; i++) query.Add(new TermQuery(new Term(IndexSchema.SuggestField, words[i].Text)), Occur.MUST);
        query.Add(LastWord(reader, words[^1].Text, complete, typo), Occur.MUST);
        // Techniques before chapters before videos (the schema's order), then by score, which favours short titles;
        // only as many are read as it takes to fill the list, then shorter titles first within a type.
        var candidates = searcher.Search(query, Candidates).ScoreDocs
            .Select(d => (d.Doc, Rank: Rank(reader, d.Doc))).OrderBy(c => c.Rank).ToList();
        var found = new List<(Suggestion Suggestion, int Rank)>();
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (doc, rank) in candidates)
        {
            var hit = stored.Get(reader, doc);
            var title = hit.Text(schema.TitleField) ?? "";
            if (texts.Add(title)) found.Add((new Suggestion(title, hit.Category, hit.Text(schema.UrlField)), rank));
            if (texts.Count == count) break;
        }
        return found.OrderBy(f => f.Rank).ThenBy(f => f.Suggestion.Text.Length).Select(f => f.Suggestion).ToList();
    }

    /// <summary>
    /// One word's completions from the segments' <see cref="CompletionLists"/>: the first <paramref name="count"/> titles
    /// in their order, or null when a list was cut before they were found (then the query finds them).
    /// </summary>
    private List<Suggestion>? Listed(IndexReader reader, string word, bool complete, int count)
    {
        var found = new List<CompletionLists.Entry>();
        var exactUpTo = new CompletionLists.Entry(int.MaxValue, int.MaxValue);
        foreach (var leaf in reader.Leaves)
            CompletionLists.Of(leaf.AtomicReader, schema).Collect(word, complete, leaf.DocBase, leaf.AtomicReader.LiveDocs, found, ref exactUpTo);
        found.Sort();
        var suggestions = new List<(Suggestion Suggestion, int Rank)>();
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var previous = -1;
        foreach (var entry in found)
        {
            if (texts.Count == count) break;
            if (entry.CompareTo(exactUpTo) > 0) return null;
            // A document listed under several of the words begun.
            if (entry.Doc == previous) continue;
            previous = entry.Doc;
            var hit = stored.Get(reader, entry.Doc);
            var title = hit.Text(schema.TitleField) ?? "";
            if (texts.Add(title)) suggestions.Add((new Suggestion(title, hit.Category, hit.Text(schema.UrlField)), entry.Rank));
        }
        // Too few titles, and a cut list may hold more beyond its end.
        if (texts.Count < count && exactUpTo.Key != int.MaxValue) return null;
        return suggestions.OrderBy(f => f.Rank).ThenBy(f => f.Suggestion.Text.Length).Select(f => f.Suggestion).ToList();
    }

    private static Query LastWord(IndexReader reader, string word, bool complete, bool typo)
    {
        var term = new Term(IndexSchema.SuggestField, word);
        if (complete) return new TermQuery(term);
        if (!typo) return new PrefixQuery(term);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (close, similarity) in Spellings.Completing(reader, IndexSchema.SuggestField, word, maxEdits: 1)
                     .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxTypoCompletions))
            any.Add(new TermQuery(new Term(IndexSchema.SuggestField, close)) { Boost = similarity }, Occur.SHOULD);
        return any;
    }

    // The document's type, from the facet ordinals every segment keeps: no stored fields read to rank a candidate.
    private int Rank(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var types = SegmentOrdinals.Of(leaf.AtomicReader, IndexSchema.CategoryField);
        var local = doc - leaf.DocBase;
        if (types is null || types.Starts[local] == types.Starts[local + 1]) return int.MaxValue;
        return ranks.GetValueOrDefault(types.Values[types.Ordinals[types.Starts[local]]], int.MaxValue);
    }

    // Whole tag values ("glut" completes to "gluteus maximus", "gluteus medius"), from each segment's facet values.
    private IEnumerable<Suggestion> TagValues(IndexReader reader, string typed, bool typo)
    {
        foreach (var field in schema.Fields.Where(f => f.Suggest && f.Type == FieldType.Tag))
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                if (SegmentOrdinals.Of(leaf.AtomicReader, field.Name) is not { } values) continue;
                foreach (var value in values.Values)
                {
                    var completes = typo
                        ? value.Length > 0 && value[0] == typed[0] && Spellings.PrefixDistance(typed, value, 1) <= 1
                        : value.StartsWith(typed, StringComparison.Ordinal);
                    if (completes) found.Add(value);
                }
            }
            foreach (var value in found.Take(TagsPerField)) yield return new Suggestion(value, field.Name, null);
        }
    }
}
