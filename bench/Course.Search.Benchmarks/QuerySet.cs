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
}
