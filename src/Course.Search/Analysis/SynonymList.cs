using Lucene.Net.Analysis;

namespace Course.Search.Analysis;

/// <summary>
/// Anatomy synonyms applied to queries, so editors can extend the list without a rebuild. One rule a line, in
/// Solr's format: <c>glutes, gluteus, gluteal</c> makes the terms equivalent; <c>lats => latissimus dorsi</c>
/// also searches the right side for the left, not the other way. Entries may be several words
/// (<c>SI joint, sacroiliac joint</c>); <c>#</c> starts a comment.
/// </summary>
public sealed class SynonymList
{
    public static readonly SynonymList Empty = new(new Dictionary<string, List<string[]>>(), []);

    // Keyed by an entry's analyzed terms joined with spaces; values are the alternatives, the key included.
    private readonly Dictionary<string, List<string[]>> alternatives;

    private SynonymList(Dictionary<string, List<string[]>> alternatives, IReadOnlyList<string> problems)
    {
        this.alternatives = alternatives;
        Problems = problems;
        LongestEntry = alternatives.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>Lines that were skipped, as <c>line N: why</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How many terms the longest entry has: the widest window a query is matched with.</summary>
    public int LongestEntry { get; }

    public int Count => alternatives.Count;

    public static SynonymList Parse(IEnumerable<string> lines, Analyzer analyzer, string field)
    {
        var map = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var sides = line.Split("=>");
            if (sides.Length > 2)
            {
                problems.Add($"line {number}: more than one '=>'");
                continue;
            }
            var left = Entries(sides[0], analyzer, field);
            var right = sides.Length == 2 ? Entries(sides[1], analyzer, field) : left;
            if (left.Count == 0 || right.Count == 0 || (sides.Length == 1 && left.Count < 2))
            {
                problems.Add($"line {number}: '{line}' needs at least two entries with searchable words");
                continue;
            }
            foreach (var entry in left)
            {
                var key = string.Join(' ', entry);
                if (!map.TryGetValue(key, out var list)) map[key] = list = [entry];
                foreach (var alternative in right)
                {
                    if (!list.Any(a => a.SequenceEqual(alternative))) list.Add(alternative);
                }
            }
        }
        return new SynonymList(map, problems);
    }

    /// <summary>The alternatives of the entry made of <paramref name="terms"/> (itself first), or null when it has none.</summary>
    public IReadOnlyList<string[]>? AlternativesOf(IEnumerable<string> terms) =>
        alternatives.GetValueOrDefault(string.Join(' ', terms));

    private static List<string[]> Entries(string side, Analyzer analyzer, string field) =>
        side.Split(',')
            .Select(entry => AnalyzedTerm.Read(analyzer, field, entry).Select(t => t.Text).ToArray())
            .Where(terms => terms.Length > 0)
            .ToList();
}
