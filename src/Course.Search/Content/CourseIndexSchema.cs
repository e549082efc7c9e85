using Course.Search.Indexing;

namespace Course.Search.Content;

/// <summary>
/// The course index: one document per published technique, chapter and video, per approved comment, and per
/// transcript passage (about half a minute of a caption track).
/// Facets: <c>type</c>, <c>muscle</c>, <c>region</c>. Chapters carry their techniques' names, muscles and
/// regions, so a search for a muscle lands on the second of the video that works it.
/// </summary>
public static class CourseIndexSchema
{
    public const string Technique = "technique";
    public const string Chapter = "chapter";
    public const string Video = "video";
    public const string Comment = "comment";
    public const string Transcript = "transcript";

    public const string Type = IndexSchema.CategoryField;
    public const string Title = "title";
    public const string Muscle = "muscle";
    public const string Region = "region";
    public const string Techniques = "techniques";
    public const string Body = "body";
    public const string Author = "author";
    public const string VideoTitle = "videoTitle";
    public const string Slug = "slug";
    public const string Url = "url";
    public const string VideoSlug = "videoSlug";
    public const string Start = "start";
    /// <summary>A transcript passage's chapter title, and its cues as lines of <c>second TAB text</c> (see <see cref="TranscriptHits"/>).</summary>
    public const string ChapterTitle = "chapterTitle";
    public const string Cues = "cues";

    public static readonly IndexSchema Definition = new(
        version: "course-8",
        categories: [Technique, Chapter, Video, Comment, Transcript],
        titleField: Title, urlField: Url, snippetField: Body,
        fields:
        [
            new(Title, FieldType.FullText, Boost: 5, Suggest: true),
            // Searched and counted, never shown by a hit (facet values come from the values field): not stored, a quarter
            // of what a rebuild would store.
            new(Muscle, FieldType.Tag, Boost: 3, Suggest: true, Stored: false),
            new(Region, FieldType.Tag, Boost: 2, Stored: false),
            new(Techniques, FieldType.FullText, Boost: 2, Stored: false),
            new(Body, FieldType.FullText, Boost: 1),
            new(Author, FieldType.FullText, Boost: 1, Stored: false),
            // Shown with chapter hits, not searched: every chapter would match its video's title words.
            new(VideoTitle, FieldType.StoredOnly),
            // Read back by hits (a technique's chapters, a chapter's video), never searched or looked up in the index.
            new(Slug, FieldType.StoredOnly),
            new(VideoSlug, FieldType.StoredOnly),
            new(Url, FieldType.StoredOnly),
            new(Start, FieldType.Int),
            new(ChapterTitle, FieldType.StoredOnly),
            new(Cues, FieldType.StoredOnly),
        ]);
}
