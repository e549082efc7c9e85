using Course.Search.Analysis;
using Course.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Course.Search.Querying;

/// <summary>
/// Search-as-you-type: the typed words as a prefix of titles' and tags' words (the last word may be partial),
/// plus tag values (muscles) that start with what was typed.
/// </summary>
internal sealed class Completions(IndexSchema schema, Analyzer analyzer)
{
    private const int MinLength = 2;
    private const int TagsPerField = 3;
    private const int Candidates = 50;

    public IReadOnlyList<Suggestion> For(IndexSearcher searcher, string typed, int count)
    {
        var words = AnalyzedTerm.Read(analyzer, IndexSchema.SuggestField, typed);
        if (words.Count == 0 || typed.Trim().Length < MinLength) return [];
        var tags = TagValues(searcher.IndexReader, string.Join(' ', words.Select(w => w.Text)));
        var titles = Titles(searcher, words, complete: char.IsWhiteSpace(typed[^1]));
        return tags.Concat(titles).DistinctBy(s => s.Text, StringComparer.OrdinalIgnoreCase).Take(count).ToList();
    }

    private IEnumerable<Suggestion> Titles(IndexSearcher searcher, IReadOnlyList<AnalyzedTerm> words, bool complete)
    {
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var term = new Term(IndexSchema.SuggestField, words[i].Text);
            query.Add(i < words.Count - 1 || complete ? new TermQuery(term) : new PrefixQuery(term), Occur.MUST);
        }
        // Only the three fields shown: loading whole documents (bodies included) was most of a completion's time.
        var shown = new HashSet<string> { schema.TitleField, schema.UrlField, IndexSchema.CategoryField };
        var found = searcher.Search(query, Candidates).ScoreDocs
            .Select(d => searcher.Doc(d.Doc, shown))
            .Select(doc => new Suggestion(doc.Get(schema.TitleField), doc.Get(IndexSchema.CategoryField), doc.Get(schema.UrlField)));
        // Techniques before chapters before videos (the schema's order), shorter titles first within a type.
        return found.OrderBy(s => Rank(s.Type)).ThenBy(s => s.Text.Length).ToList();
    }

    private int Rank(string category)
    {
        var rank = schema.Categories.ToList().IndexOf(category);
        return rank < 0 ? int.MaxValue : rank;
    }

    // Whole tag values from each segment's doc values: "glut" completes to "gluteus maximus", "gluteus medius".
    private IEnumerable<Suggestion> TagValues(IndexReader reader, string prefix)
    {
        var start = new BytesRef(prefix);
        foreach (var field in schema.Fields.Where(f => f.Suggest && f.Type == FieldType.Tag))
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetSortedSetDocValues(field.Name) is not { } values) continue;
                var terms = values.GetTermsEnum();
                if (terms.SeekCeil(start) == TermsEnum.SeekStatus.END) continue;
                // Each segment's first few in term order; together they hold the first few overall.
                var taken = 0;
                do
                {
                    if (!StringHelper.StartsWith(terms.Term, start)) break;
                    found.Add(terms.Term.Utf8ToString());
                } while (++taken < TagsPerField && terms.MoveNext());
            }
            foreach (var value in found.Take(TagsPerField)) yield return new Suggestion(value, field.Name, null);
        }
    }
}
