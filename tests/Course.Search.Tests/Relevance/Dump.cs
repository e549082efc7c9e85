using Course.Search.Tests.Seed;
using Xunit.Abstractions;
namespace Course.Search.Tests.Relevance;
public sealed class Dump(SeededIndex seed, ITestOutputHelper output) : IClassFixture<SeededIndex>
{
    [Fact]
    public void Print()
    {
        foreach (var q in new[] { "piriformis", "gluteus maximus", "quadratus lumborum", "erector spinae", "low back", "lateral pelvis", "hip abduction", "hip rotator", "open fist",
            "stretching the hip rotators", "working with fascia", "landmark", "piriformus", "abducton", "sciatca symptoms", "longitudinaly", "glute max stretch", "lower back", "TFL abduction",
            "external hip rotators", "\"hip rotators\" longitudinally", "superior to inferior", "inferior to superior", "treatment duration",
            "palpating landmarks", "palpate", "touch sensitive clients", "QL", "sacroiliac joint", "SI joint", "sit bones", "erectors", "pin and stretch", "open fists", "lazy body mechanics", "glutes", "sciatica" })
        {
            var r = seed.Search(q);
            output.WriteLine($"== {q} ({r.Total}, {r.Took.TotalMilliseconds:0.0} ms)");
            foreach (var h in r.Hits.Take(5)) output.WriteLine($"  {h.Score:0.000} {h.Category} {h.Text("title")} {h.Text("url")} | {h.Snippet[..Math.Min(90, h.Snippet.Length)]}");
        }
    }
}
