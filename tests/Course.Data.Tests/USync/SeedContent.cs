using Course.Core.Captions;
using Course.Core.Content;

namespace Course.Data.Tests.USync;

/// <summary>
/// The content the repository's <c>uSync/</c> folder is generated from: the first course video and its
/// techniques. Regenerate the folder with <c>COURSE_WRITE_SEED=1 dotnet test --filter SeedFolderTests</c>.
/// </summary>
internal static class SeedContent
{
    private static readonly DateTime Created = new(2026, 1, 5, 10, 0, 0);

    public static readonly Technique GlutealLandmarks = Technique(
        "1629764f-32c1-4ce8-b2a9-2d7ba5c58f66", "Palpating the gluteal landmarks", "gluteal-landmarks",
        "Finding the bony landmarks of the posterior pelvis and upper femur by touch before working the soft tissue between them.",
        """
        Before any deeper work, locate the landmarks that frame the gluteal region: the sacrum in the midline, the iliac crest along the top of the pelvis, the greater trochanter at the side of the upper femur and the ischial tuberosity at the base of the buttock. The sacroiliac (SI) joint lies where the sacrum meets the pelvis on each side.

        Palpate slowly with flat fingers and light pressure, and name each landmark as you find it. The muscles worked in the rest of the routine span between these points, so knowing where they are makes every later stroke easier to place.

        Find the landmarks again whenever the client's hip changes position: their relationships shift when the hip is rotated or taken out to the side.
        """,
        ["gluteus maximus", "gluteus medius", "piriformis"],
        ["posterior pelvis", "sacroiliac joint", "upper femur", "buttock"]);

    public static readonly Technique MyofascialAngle = Technique(
        "559ae848-c9a8-4d0f-a5d3-4e260243df00", "The myofascial angle for touch-sensitive clients", "myofascial-angle",
        "A slow, oblique contact with little lotion or oil, used when the posterior pelvis is sensitive to touch.",
        """
        When a client's hip and buttock are sensitive, change how pressure is delivered rather than only how much. Use little lotion or oil, so that your hand engages the skin and fascia instead of sliding over them.

        Come in at an oblique angle instead of straight down into the tissue, sink in slowly and wait for the tissue to take up the slack before you move. Keep the whole stroke slow.

        Check in with the client as you go and let their feedback set the depth. The same contact is the starting point for the myofascial strokes that follow in the routine.
        """,
        ["gluteus maximus", "gluteus medius"],
        ["posterior pelvis", "buttock", "sacroiliac joint"]);

    public static readonly Technique SuperiorToInferior = Technique(
        "b61a8bb9-51a8-479b-846b-6df0965b9c77", "Myofascial release from superior to inferior", "myofascial-release-superior-to-inferior",
        "Slow, sustained myofascial strokes that travel from the iliac crest and the edge of the sacrum down across the buttock toward the upper femur.",
        """
        Start at the upper border of the pelvis, along the iliac crest and the edge of the sacrum, and work downward across the gluteal region toward the greater trochanter and the upper femur.

        Use the myofascial angle: little lotion, an oblique contact and a slow pace that lets the tissue lengthen ahead of your hand. Take several passes, each a little further along the pelvis, rather than one long fast stroke.
        """,
        ["gluteus maximus", "gluteus medius", "piriformis"],
        ["posterior pelvis", "buttock", "sacroiliac joint", "upper femur"]);

    public static readonly Technique WorkingWithTheFascia = Technique(
        "e8389764-c39c-4164-92dd-6b2a4a681f64", "Working with the fascia", "working-with-the-fascia",
        "Engaging the layer under the skin and following it as it gives, instead of sliding over the surface.",
        """
        Place your hand with little or no lubricant and sink in until the layer under the skin starts to move with you. Hold that contact and follow the direction in which the tissue gives.

        Let the tissue set the pace. If your hand starts to slide, you have left the fascia: lighten your pressure, engage again and continue.

        These contacts are the building blocks of every myofascial stroke in the routine.
        """,
        ["gluteus maximus", "gluteus medius"],
        ["posterior pelvis", "buttock", "lateral pelvis"]);

    public static readonly Technique LateralPelvisAndLowBack = Technique(
        "12dd68ab-9281-4862-885b-317a28a7fa81", "Working the lateral pelvis and low back", "lateral-pelvis-and-low-back",
        "Carrying the myofascial work from the buttock around to the side of the pelvis and up into the low back.",
        """
        The routine does not stop at the buttock. Carry the slow myofascial strokes around to the side of the pelvis, between the iliac crest and the greater trochanter, and up into the low back beside the spine.

        On the side of the pelvis, work over gluteus medius and tensor fasciae latae. In the low back, follow quadratus lumborum between the iliac crest and the lowest ribs, and the erector spinae alongside the spine.

        The video recommends always asking about the hips when a client comes in with low back pain; working both areas in one session follows from that.
        """,
        ["gluteus medius", "tensor fasciae latae", "quadratus lumborum", "erector spinae"],
        ["lateral pelvis", "low back", "hip"]);

    public static readonly Technique InferiorToSuperior = Technique(
        "cb7351f3-6cad-4b0a-a0df-9c50962a979f", "Myofascial release from inferior to superior", "myofascial-release-inferior-to-superior",
        "The same slow myofascial contact travelling the other way: from the upper femur and the base of the buttock up toward the pelvis.",
        """
        Reverse the direction of the earlier strokes: begin near the greater trochanter and the ischial tuberosity and work upward toward the iliac crest and the sacrum.

        Keep the contact slow and oblique, with little lotion. Changing direction meets the same tissue from a new angle, an idea that runs through the whole routine: approach the SI joint, the pelvis and the upper femur from several directions.
        """,
        ["gluteus maximus", "gluteus medius", "piriformis", "deep hip rotators"],
        ["posterior pelvis", "buttock", "upper femur"]);

    public static readonly Technique LazyBodyMechanics = Technique(
        "32f8f1f2-24c5-406b-926d-df6944f75919", "Body mechanics for lazy myofascial release", "lazy-myofascial-release",
        "Setting up your stance so that body weight, not muscle effort, delivers the slow, sustained pressure myofascial release needs.",
        """
        Slow myofascial work means holding pressure for a long time, so set up to do it with as little effort as possible. Stand close to the table, line your joints up behind the point of contact and lean in, letting your body weight do the work.

        Keep your shoulders relaxed and your hands soft. Move by shifting your weight through your legs rather than by pushing with your arms; the slower the stroke, the more this matters.

        When you notice yourself straining, stop, reposition and come back in.
        """,
        ["gluteus maximus", "gluteus medius"],
        ["posterior pelvis", "lateral pelvis"]);

    public static readonly Technique OpenFists = Technique(
        "f69a13ee-a063-4fea-aa64-04cc17302132", "Open fists for myofascial release", "open-fists",
        "Using a loosely open fist as a broad, relaxed contact for slow myofascial strokes over the hip.",
        """
        A loosely open fist spreads pressure over the flat backs of the fingers, a broad contact that spares your thumbs and wrists.

        Keep the fist relaxed, sink in at an oblique angle with little lotion, and travel slowly across the buttock and the side of the pelvis. Turning the fist makes the contact broader or narrower.

        Open fists pair well with lazy body mechanics: lean your weight into the fist instead of pushing with your forearm.
        """,
        ["gluteus maximus", "gluteus medius", "tensor fasciae latae"],
        ["buttock", "lateral pelvis", "posterior pelvis"]);

    public static readonly Technique HipRotatorsLongitudinally = Technique(
        "e01fced6-63a2-4796-9a57-0234c5e64f2e", "Working the hip rotators longitudinally", "hip-rotators-longitudinally",
        "Slow strokes along the length of the deep hip rotators, from the edge of the sacrum out toward the greater trochanter.",
        """
        The deep hip rotators, piriformis among them, run across the buttock from the sacrum to the greater trochanter. Working them longitudinally means following that line: start near the edge of the sacrum and travel slowly out toward the trochanter.

        They lie under gluteus maximus, so work through it with a slow, sustained contact. Use the landmarks to stay on the line, and repeat the stroke a little higher or lower to cover the whole group.
        """,
        ["piriformis", "deep hip rotators", "gluteus maximus"],
        ["buttock", "posterior pelvis", "hip", "upper femur"]);

    public static readonly Technique PinAndStretch = Technique(
        "260e9af5-930a-45c4-989f-5d3addc4186b", "Pin and stretch for the external hip rotators", "pin-and-stretch-external-hip-rotators",
        "Holding a steady contact in the external hip rotators while the hip is moved, so that the tissue lengthens under your hand.",
        """
        Pin: hold a steady contact in the external hip rotators (gluteus maximus, piriformis and the deeper rotators) between the sacrum and the greater trochanter.

        Stretch: keeping the pin, slowly rotate the client's hip so that the tissue under your hand lengthens. Return the leg, move the pin a little further along the muscle and repeat.

        Move the hip slowly and within the range the client is comfortable with, and keep the pinning pressure steady rather than adding to it as the hip moves.
        """,
        ["gluteus maximus", "piriformis", "deep hip rotators"],
        ["hip", "buttock", "posterior pelvis"]);

    public static readonly Technique HipInAbduction = Technique(
        "43f72263-ee97-40fb-a3e7-982e01b7cd1a", "Working with the hip in abduction", "hip-in-abduction",
        "Taking the leg out to the side to reach the lateral pelvis and upper femur from a different angle.",
        """
        With the hip in abduction, the leg taken out to the side, the area around the greater trochanter and the side of the pelvis can be reached from new directions.

        Repeat the slow myofascial strokes from this position, working between the iliac crest, the greater trochanter and the upper femur. Changing the position of the hip is one of the ways the routine approaches the same area from different angles.
        """,
        ["gluteus medius", "tensor fasciae latae", "piriformis"],
        ["hip", "lateral pelvis", "upper femur"]);

    public static readonly IReadOnlyList<Technique> Techniques =
    [
        GlutealLandmarks, MyofascialAngle, SuperiorToInferior, WorkingWithTheFascia, LateralPelvisAndLowBack,
        InferiorToSuperior, LazyBodyMechanics, OpenFists, HipRotatorsLongitudinally, PinAndStretch, HipInAbduction,
    ];

    // The description as published under the video, its title line left out.
    private const string Description = """
        Do you have massage clients with low back/hip pain that sometimes shoots down their leg? In this video, I review the anatomy of the sciatic nerve and the local musculature, and take you through my basic myofascial release protocol for sciatica symptoms.
        Table of contents:
        0:23 What is sciatica? What are the symptoms?
        0:45 Sciatic nerve anatomy
        1:20 Relevant gluteal landmarks
        4:38 Incorporating sciatica massage into your sessions
        5:10 Undraping the hip
        5:25 Working with touch sensitivy, using the “myofascial angle”
        6:00 Myofascial release from superior to inferior
        7:10 Working with the fascia
        8:50 Including the lateral pelvis and low back
        10:38 Treatment duration
        11:12 Myofascial release from inferior to superior
        13:15 Body mechanics for lazy myofascial release
        13:40 Working with the lateral pelvis
        14:40 Using open fists for myofascial release
        16:00 Working with the hip rotators longitudinally
        18:24 Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)
        20:00 Working with the hip in abduction

        When you get clients in your massage office with low back pain, I recommend always asking about the hips. Pain and dysfunction in the two areas are tightly intertwined, and only working with the lumbar region while ignoring the hip extensors/rotators could mean ignoring the root cause of the pain.

        While working with sciatica, realize that the entire posterior pelvic region could be hypersensitive. While you could treat this sensitivity as if you were dealing with trigger points, I think it’s much kinder to approach it from a myofascial release perspective: Slow, using little lotion or oil, and from an oblique angle. Many clients with hypersensitivity will be able to tolerate pressure when delivered in this way.

        Approach the SI joint, posterior and lateral pelvis, and upper femur from different angles, with the hip joint in different configurations. My goal during these massages isn’t to “break up knots” or “strip out” any particular muscles, but rather to convince the local musculature that it doesn’t need heightened tone/spasm, and to slowly desensitize the region. While disc dysfunction may be present, I find that working with the descending soft tissue can reduce sciatica symptoms effectively.

        Let me know what you think, and if you have any tips of your own! Do you work with hip flexors on all of your sciatica clients? Do you start with more direct work? Thanks for watching!
        """;

    private const int Duration = 1260;

    public static readonly Video Video = new()
    {
        Key = new("918c3086-e397-43a5-879b-bc1e6a347115"),
        Title = "Sciatica myofascial release techniques",
        Slug = "sciatica-myofascial-release",
        Source = "/media/sciatica-myofascial-release.webm",
        Duration = Duration,
        Description = Description,
        Published = true,
        CreateDate = Created,
        UpdateDate = Created,
        SortOrder = 0,
        Chapters = Chapters(
            ("89ab3d71-3e19-4cee-a566-d228b4bc8b97", 0, "Introduction", []),
            ("eccce521-3857-47f3-b3d9-91909b519ad5", 23, "What is sciatica? What are the symptoms?", []),
            ("35c60762-1b84-4152-9cee-7b40bc7536d1", 45, "Sciatic nerve anatomy", [GlutealLandmarks]),
            ("89bd6e31-584a-4360-87d4-861cbe6eb046", 80, "Relevant gluteal landmarks", [GlutealLandmarks]),
            ("007631c4-1a05-4aa4-83da-2e8fd53accfb", 278, "Incorporating sciatica massage into your sessions", []),
            ("713dc230-3e00-4d80-b27b-bcff344cb02a", 310, "Undraping the hip", []),
            ("01e0e7f4-2b51-4da8-bd5a-8b3872bce32e", 325, "Working with touch sensitivy, using the “myofascial angle”", [MyofascialAngle]),
            ("f1117f96-0a40-433f-8bd0-1a648301b00b", 360, "Myofascial release from superior to inferior", [SuperiorToInferior, MyofascialAngle]),
            ("4ad3da30-966d-46be-a5f5-ae387048b7d5", 430, "Working with the fascia", [WorkingWithTheFascia]),
            ("cc4f5c9c-3187-43fc-a144-84567ba89a4a", 530, "Including the lateral pelvis and low back", [LateralPelvisAndLowBack]),
            ("8d655283-103c-4671-8441-82f2ad696969", 638, "Treatment duration", []),
            ("5197d9aa-3a40-4308-8006-df05670a35bf", 672, "Myofascial release from inferior to superior", [InferiorToSuperior]),
            ("52836ec4-1fc1-4d09-b9e4-2cdcf2d37b8e", 795, "Body mechanics for lazy myofascial release", [LazyBodyMechanics]),
            ("ef5cc3ea-d0db-45e9-8322-344cf90a5e23", 820, "Working with the lateral pelvis", [LateralPelvisAndLowBack]),
            ("8fdabc24-ab7b-40b4-a36c-624cf5cef773", 880, "Using open fists for myofascial release", [OpenFists]),
            ("e7247b2f-5986-45b6-a0d9-6831577e9186", 960, "Working with the hip rotators longitudinally", [HipRotatorsLongitudinally]),
            ("88dc965b-4209-48e6-828d-636f4f434651", 1104, "Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)", [PinAndStretch]),
            ("f6e5f142-6ab1-427f-8a15-d8a9176909a0", 1200, "Working with the hip in abduction", [HipInAbduction])),
    };

    private const int SpokenDemoDuration = 114;

    /// <summary>
    /// The spoken demonstration that tools/make-spoken-demo.sh makes: its description and English captions are
    /// the script's output, committed in tools/spoken-demo/; its keys are those it was created with, its date the seed's.
    /// </summary>
    public static readonly Video SpokenDemo = new()
    {
        Key = new("4ed029fa-9618-4042-ad10-d7a25b9c4709"),
        Title = "Sciatica myofascial release: the approach, read aloud",
        Slug = "sciatica-approach-read-aloud",
        Source = "/media/sciatica-approach-read-aloud.webm",
        Duration = SpokenDemoDuration,
        Description = File.ReadAllText(Path.Combine(Repository.Root, "tools", "spoken-demo", "description.txt")),
        Published = true,
        CreateDate = Created,
        UpdateDate = Created,
        SortOrder = 1,
        Chapters = Chapters(SpokenDemoDuration,
            ("f2852ed2-d92e-4905-9c45-bd2d9b76800a", 0, "Clients with shooting leg pain", []),
            ("a23dcec9-c8b1-47aa-bf53-f554727bc7c5", 18, "Always ask about the hips", []),
            ("a2951aff-1518-4130-a48e-6265cdaebe25", 38, "A kinder approach to sensitivity", []),
            ("c2a07feb-5cad-4b7f-8845-d6c489505d7e", 66, "Angles, not knots", []),
            ("01138f90-af2f-4f03-a12d-b579da0e8ba5", 100, "Your own tips", [])),
        Captions =
        [
            new CaptionTrack
            {
                Key = new("4c8fa17e-b5e2-426f-8b62-9d82264a9acf"), Language = "en", Label = "English",
                Cues = CaptionRules.Check(
                    File.ReadAllBytes(Path.Combine(Repository.Root, "tools", "spoken-demo", "spoken-demo.en.vtt")), CaptionFormat.WebVtt, SpokenDemoDuration).Cues,
            },
        ],
    };

    public static IReadOnlyList<Video> Videos => [Video, SpokenDemo];

    private static Technique Technique(
        string key, string name, string slug, string summary, string body, string[] muscles, string[] regions) => new()
    {
        Key = new(key),
        Name = name,
        Slug = slug,
        Summary = summary,
        Body = body,
        Muscles = muscles,
        Regions = regions,
        Published = true,
        CreateDate = Created,
        UpdateDate = Created,
    };

    private static IReadOnlyList<Chapter> Chapters(params (string Key, int Start, string Title, Technique[] Techniques)[] chapters) =>
        Chapters(Duration, chapters);

    private static IReadOnlyList<Chapter> Chapters(int duration, params (string Key, int Start, string Title, Technique[] Techniques)[] chapters) =>
        chapters.Select((chapter, index) => new Chapter
        {
            Key = new(chapter.Key),
            Index = index,
            Title = chapter.Title,
            Slug = Slug.From(chapter.Title),
            Start = chapter.Start,
            End = index + 1 < chapters.Length ? chapters[index + 1].Start : duration,
            TechniqueKeys = chapter.Techniques.Select(t => t.Key).ToList(),
        }).ToList();
}
