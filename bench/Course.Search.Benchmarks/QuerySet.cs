using Course.Search.Content;
using Course.Search.Querying;

namespace Course.Search.Benchmarks;

/// <summary>
/// The fixed mixed query set, used in process and over HTTP: muscles, regions, approaches, phrases, typos,
/// synonyms, filters and a deeper page, from a handful of matches to most of the index.
/// </summary>
public static class QuerySet
{
    public sealed record Query(string Q, string? Type = null, string? Muscle = null, string? Region = null, int Page = 1)
    {
        public SearchRequest ToRequest()
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>();
            if (Type is not null) filters[CourseIndexSchema.Type] = [Type];
            if (Muscle is not null) filters[CourseIndexSchema.Muscle] = [Muscle];
            if (Region is not null) filters[CourseIndexSchema.Region] = [Region];
            return new SearchRequest(Q, filters, Page);
        }

        public string Path
        {
            get
            {
                var path = $"/api/search?q={Uri.EscapeDataString(Q)}";
                if (Type is not null) path += $"&type={Uri.EscapeDataString(Type)}";
                if (Muscle is not null) path += $"&muscle={Uri.EscapeDataString(Muscle)}";
                if (Region is not null) path += $"&region={Uri.EscapeDataString(Region)}";
                if (Page > 1) path += $"&page={Page}";
                return path;
            }
        }
    }

    public static readonly IReadOnlyList<Query> All =
    [
        new("piriformis"),
        new("gluteus medius"),
        new("quadratus lumborum"),
        new("levator scapulae"),
        new("plantar fascia"),
        new("hip"),
        new("low back"),
        new("neck pain"),
        new("shoulder blade"),
        new("sacroiliac joint"),
        new("myofascial release"),
        new("pin and stretch"),
        new("trigger point compression"),
        new("cross fiber friction forearm"),
        new("stretching the hamstrings"),
        new("working with the hip in abduction"),
        new("\"open fists\""),
        new("\"from superior to inferior\" gluteus"),
        new("piriformus"),
        new("gluteus maximis"),
        new("sternocleidomastiod"),
        new("trapezuis"),
        new("plantar fasciitis"),
        new("longitudinaly"),
        new("glutes"),
        new("SI joint"),
        new("TFL"),
        new("QL stretch"),
        new("lower back"),
        new("IT band"),
        new("hip", Type: CourseIndexSchema.Chapter),
        new("myofascial", Muscle: "piriformis"),
        new("release", Region: "neck"),
        new("stretch", Type: CourseIndexSchema.Technique, Muscle: "hamstrings", Region: "thigh"),
        new("slow sustained pressure"),
        new("client feedback sensitive tissue"),
        new("sciatica"),
        new("tennis elbow forearm extensors"),
        new("piriformis", Page: 3),
        new("the and of"),
    ];

    /// <summary>What learners type on the seed course: the relevance cases' queries (muscles, regions, typos, synonyms, phrases) and filters.</summary>
    public static readonly IReadOnlyList<Query> Seed =
    [
        new("piriformis"), new("gluteus maximus"), new("quadratus lumborum"), new("erector spinae"), new("low back"),
        new("lateral pelvis"), new("hip abduction"), new("hip rotator"), new("open fist"), new("stretching the hip rotators"),
        new("working with fascia"), new("landmark"), new("piriformus"), new("abducton"), new("piriforims"),
        new("sciatca symptoms"), new("longitudinaly"), new("glute max stretch"), new("lower back"), new("TFL abduction"),
        new("external hip rotators"), new("\"hip rotators\" longitudinally"), new("superior to inferior"), new("inferior to superior"),
        new("treatment duration"), new("palpating landmarks"), new("touch sensitive clients"), new("QL"), new("SI joint"),
        new("sit bones"), new("erectors"), new("pin and stretch"), new("lazy body mechanics"),
        new("hip rotators longitudinally", Type: CourseIndexSchema.Chapter),
        new("hip", Type: CourseIndexSchema.Technique, Muscle: "quadratus lumborum", Region: "hip"),
        new("myofascial release", Type: CourseIndexSchema.Chapter),
        new("myofascial", Page: 2),
    ];

    /// <summary>
    /// Queries nobody asked before: one to three of the mixed set's words in a random order, each combination once, so
    /// whatever the engine keeps per whole query is cold while the words themselves repeat, as in real traffic.
    /// </summary>
    public static IReadOnlyList<Query> FirstSeen(int count)
    {
        var words = All.SelectMany(q => q.Q.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var random = new Random(20261202);
        var queries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (queries.Count < count)
            queries.Add(string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => words[random.Next(words.Length)])));
        return queries.Select(q => new Query(q)).ToList();
    }

    /// <summary>
    /// Keystrokes nobody sent before, for the seed course: one to three of the seed set's words in a random order, typed
    /// out, each path once (prefixes two combinations share are kept once), so neither the whole query nor its prefix
    /// was seen before while the words repeat.
    /// </summary>
    public static IReadOnlyList<Query> FirstSeenKeystrokes(int count)
    {
        var words = Seed.SelectMany(q => q.Q.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var random = new Random(20261202);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var keystrokes = new List<Query>(count);
        while (keystrokes.Count < count)
        {
            var typed = new Query(string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => words[random.Next(words.Length)])));
            foreach (var keystroke in Keystrokes([typed]))
                if (keystrokes.Count < count && paths.Add(keystroke.Path)) keystrokes.Add(keystroke);
        }
        return keystrokes;
    }

    /// <summary>
    /// Each query as search-as-you-type sends it: every prefix of two characters or more, each a query of its own
    /// (half-typed words included, which the index does not know), with the filters of the whole query.
    /// </summary>
    public static IReadOnlyList<Query> Keystrokes(IEnumerable<Query> queries) =>
        queries.SelectMany(q => Enumerable.Range(2, Math.Max(0, q.Q.Length - 1)).Select(n => q with { Q = q.Q[..n] }))
            .DistinctBy(q => q.Path).ToList();
}
