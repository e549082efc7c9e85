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
    /// <summary>Shorter beginnings are one edit from too many words to mean any of them.</summary>
    private const int MinTypoLength = 4;
    private const int MaxTypoCompletions = 10;

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
        var titles = Titles(searcher.IndexReader, words, complete, typo, count);
        return tags.Concat(titles).DistinctBy(s => s.Text, StringComparer.OrdinalIgnoreCase).Take(count).ToList();
    }

    private List<Suggestion> Titles(IndexReader reader, IReadOnlyList<AnalyzedTerm> words, bool complete, bool typo, int count)
    {
        var last = words[^1].Text;
        var whole = words.Take(complete ? words.Count : words.Count - 1).Select(w => w.Text).ToList();
        IReadOnlyList<string> begun = complete ? [] : typo ? Meant(reader, last) : [last];
        if (typo && begun.Count == 0) return [];
        var typed = new TypedWords(whole, begun);
        // Each segment's first titles in its order; the index's first titles are among them.
        var found = new List<CompletionLists.Entry>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = CompletionLists.Of(leaf.AtomicReader, schema).Completing(typed, leaf.AtomicReader.LiveDocs);
            found.AddRange(segment.Take(count).Select(e => e with { Doc = leaf.DocBase + e.Doc }));
        }
        return found.Order().DistinctBy(e => e.Words).Take(count)
            .Select(e => (Hit: stored.Get(reader, e.Doc), e.Rank))
            .Select(f => (Suggestion: new Suggestion(f.Hit.Text(schema.TitleField) ?? "", f.Hit.Category, f.Hit.Text(schema.UrlField)), f.Rank))
            .OrderBy(f => f.Rank).ThenBy(f => f.Suggestion.Text.Length).Select(f => f.Suggestion).ToList();
    }

    /// <summary>The words a misspelt beginning may have been meant to begin, closest first.</summary>
    private static List<string> Meant(IndexReader reader, string beginning) =>
        Spellings.Completing(reader, IndexSchema.SuggestField, beginning, maxEdits: 1)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxTypoCompletions).Select(c => c.Key).ToList();

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
