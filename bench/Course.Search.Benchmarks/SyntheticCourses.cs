using Course.Core.Content;

namespace Course.Search.Benchmarks;

/// <summary>
/// A deterministic catalogue of made-up massage courses with the seed course's shape: techniques tagged with
/// real muscle and region names, videos whose descriptions carry a table of contents, chapters picking
/// techniques. Sizes are chosen so the index holds about 100,000 documents.
/// </summary>
public sealed class SyntheticCourses
{
    public static readonly string[] Muscles =
    [
        "gluteus maximus", "gluteus medius", "gluteus minimus", "piriformis", "deep hip rotators", "tensor fasciae latae",
        "quadratus lumborum", "erector spinae", "multifidus", "iliopsoas", "rectus femoris", "vastus lateralis", "hamstrings",
        "adductor magnus", "gastrocnemius", "soleus", "tibialis anterior", "peroneus longus", "plantar fascia",
        "latissimus dorsi", "trapezius", "levator scapulae", "rhomboids", "infraspinatus", "supraspinatus", "teres major",
        "subscapularis", "pectoralis major", "pectoralis minor", "serratus anterior", "deltoid", "biceps brachii",
        "triceps brachii", "forearm flexors", "forearm extensors", "sternocleidomastoid", "scalenes", "suboccipitals",
        "masseter", "temporalis", "diaphragm", "intercostals", "rectus abdominis", "obliques", "iliotibial band",
    ];

    public static readonly string[] Regions =
    [
        "posterior pelvis", "lateral pelvis", "sacroiliac joint", "low back", "upper back", "hip", "buttock", "upper femur",
        "thigh", "knee", "calf", "ankle", "foot", "shoulder", "shoulder blade", "upper arm", "elbow", "forearm", "wrist",
        "hand", "neck", "jaw", "head", "chest", "abdomen", "rib cage",
    ];

    private static readonly string[] Approaches =
    [
        "Myofascial release", "Pin and stretch", "Cross-fiber friction", "Trigger point compression", "Effleurage",
        "Petrissage", "Stripping", "Muscle energy technique", "Positional release", "Skin rolling", "Active release",
        "Passive stretching", "Joint mobilization", "Broad compression", "Lymphatic drainage", "Tapotement",
        "Reciprocal inhibition", "Post-isometric relaxation", "Fascial spreading", "Rocking and shaking",
    ];

    private static readonly string[] Positions =
    [
        "prone", "supine", "side-lying", "seated", "with the hip in abduction", "with the knee bent", "from superior to inferior",
        "from inferior to superior", "longitudinally", "across the fibers", "with open fists", "with the forearm",
        "with the thumbs", "with lazy body mechanics", "at a myofascial angle",
    ];

    private static readonly string[] Conditions =
    [
        "Sciatica", "Low back pain", "Neck pain", "Frozen shoulder", "Tension headache", "Jaw pain", "Tennis elbow",
        "Carpal tunnel", "Plantar fasciitis", "Shin splints", "Runner's knee", "Hip bursitis", "Whiplash", "Thoracic outlet",
        "Piriformis syndrome", "Rotator cuff strain", "Hamstring strain", "Postural back pain",
    ];

    private static readonly string[] Filler =
    [
        "slow", "sustained", "pressure", "client", "tissue", "contact", "sink", "wait", "lotion", "oil", "oblique",
        "breathe", "feedback", "sensitive", "gentle", "deeper", "layer", "glide", "hold", "release", "lengthen", "stroke",
        "landmark", "palpate", "warm", "relax", "tension", "comfort", "range", "motion", "session", "follow", "engage",
        "direction", "pace", "weight", "lean", "posture", "balance", "symptoms", "nerve", "fascia", "knots", "spasm",
    ];

    private readonly Random random = new(20261125);

    // Running text: the domain words above, then made-up words, drawn with Zipf's law (the r-th word about 1/r as
    // often as the first), so that common words match much of the index and most words few documents, as in prose.
    private readonly string[] words;
    private readonly double[] cumulative;

    public SyntheticCourses(int techniques = 2_500, int videos = 4_500, int chaptersPerVideo = 21, int madeUpWords = 3_000)
    {
        words = [.. Filler, .. Enumerable.Range(0, madeUpWords).Select(_ => MadeUpWord())];
        cumulative = new double[words.Length];
        var sum = 0.0;
        for (var r = 0; r < words.Length; r++) cumulative[r] = sum += 1.0 / (r + 1);

        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Techniques = Enumerable.Range(0, techniques).Select(i => Technique(i, created)).ToList();
        Videos = Enumerable.Range(0, videos).Select(i => Video(i, chaptersPerVideo, created)).ToList();
        Content = new PublishedContent(Videos, Techniques);
    }

    public IReadOnlyList<Technique> Techniques { get; }
    public IReadOnlyList<Video> Videos { get; }
    public PublishedContent Content { get; }

    /// <summary>Documents the index holds: every technique, video and chapter.</summary>
    public int Documents => Techniques.Count + Videos.Count + Videos.Sum(v => v.Chapters.Count);

    private Technique Technique(int i, DateTime created)
    {
        var muscles = Pick(Muscles, 1 + random.Next(4));
        var regions = Pick(Regions, 1 + random.Next(3));
        var name = $"{Pick(Approaches)} for the {muscles[0]} {Pick(Positions)}";
        return new Technique
        {
            Key = Key(1, i),
            Name = name,
            Slug = $"{Slug.From(name)}-{i}",
            Summary = Sentence(muscles, regions, 14),
            Body = string.Join("\n\n", Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Sentence(muscles, regions, 25 + random.Next(30)))),
            Muscles = muscles,
            Regions = regions,
            Published = true,
            CreateDate = created,
            UpdateDate = created,
        };
    }

    private Video Video(int i, int chapterCount, DateTime created)
    {
        var condition = Pick(Conditions);
        var title = $"{condition} {Pick(Approaches).ToLowerInvariant()} techniques, part {i + 1}";
        var starts = Enumerable.Range(0, chapterCount).Select(c => c * 60 + random.Next(50)).ToList();
        var chapters = starts.Select((start, c) =>
        {
            var technique = Techniques[random.Next(Techniques.Count)];
            var chapterTitle = c == 0 ? "Introduction" : random.Next(3) == 0
                ? $"Working the {Pick(Regions)} {Pick(Positions)}"
                : technique.Name;
            return new Chapter
            {
                Key = Key(3, i * chapterCount + c),
                Index = c,
                Title = chapterTitle,
                Slug = Slug.From(chapterTitle),
                Start = start,
                TechniqueKeys = c == 0 ? [] : random.Next(4) == 0 ? [technique.Key, Techniques[random.Next(Techniques.Count)].Key] : [technique.Key],
                Notes = random.Next(3) == 0 ? Sentence([Pick(Muscles)], [Pick(Regions)], 12) : "",
            };
        }).ToList();
        var duration = starts[^1] + 120;
        var toc = string.Join("\n", chapters.Select(c => $"{new Course.Core.Chapters.Timestamp(c.Start)} {c.Title}"));
        return new Video
        {
            Key = Key(2, i),
            Title = title,
            Slug = $"{Slug.From(title)}-{i}",
            Source = "/media/sciatica-myofascial-release.webm",
            Duration = duration,
            Description = $"{Sentence([Pick(Muscles)], [Pick(Regions)], 30)}\nTable of contents:\n{toc}\n\n{Sentence([Pick(Muscles)], [Pick(Regions)], 40)}",
            Chapters = ChapterSpans.WithEnds(chapters, duration),
            Published = true,
            CreateDate = created,
            UpdateDate = created,
            SortOrder = i,
        };
    }

    private string Sentence(IReadOnlyList<string> muscles, IReadOnlyList<string> regions, int words)
    {
        var parts = new List<string>(words + 4);
        for (var w = 0; w < words; w++)
        {
            parts.Add(random.Next(8) switch
            {
                0 => muscles[random.Next(muscles.Count)],
                1 => regions[random.Next(regions.Count)],
                _ => Word(),
            });
        }
        var text = string.Join(' ', parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private string Word()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return words[index >= 0 ? index : ~index];
    }

    private string MadeUpWord()
    {
        string[] onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "pl", "gr", "sh"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ea"];
        return string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Pick(onsets) + Pick(vowels))) + Pick(["n", "r", "s", "l", "", "m"]);
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private List<string> Pick(string[] values, int count) => values.OrderBy(_ => random.Next()).Take(count).ToList();

    private static Guid Key(int kind, int i) => new(kind, 0, 0, BitConverter.GetBytes((long)i));
}
