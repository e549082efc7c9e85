using Course.Core.Captions;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// Course's document types as Umbraco sees them. The aliases are the contract with a real Umbraco site
/// (templates, the Umbraco package, imported uSync files); the keys are fixed so that every export of
/// the schema is identical.
/// </summary>
public static class CourseSchema
{
    /// <summary>Document type <c>courseVideo</c>, allowed at the root.</summary>
    public static class CourseVideo
    {
        public const string Alias = "courseVideo";
        /// <summary>Umbraco's own convention for overriding a node's URL segment: holds the slug.</summary>
        public const string UrlName = "umbracoUrlName";
        public const string Source = "source";
        public const string Duration = "duration";
        public const string Description = "description";
        public const string Chapters = "chapters";
        public const string Captions = "captions";
    }

    /// <summary>Element type <c>caption</c>: one block in a video's <c>captions</c> block list, a track in one language.</summary>
    public static class Caption
    {
        public const string Alias = "caption";
        public const string Language = CaptionBlocks.Language;
        public const string Label = CaptionBlocks.Label;
        public const string Track = CaptionBlocks.Track;
    }

    /// <summary>Element type <c>chapter</c>: one block in a video's <c>chapters</c> block list.</summary>
    public static class Chapter
    {
        public const string Alias = "chapter";
        public const string Title = ChapterBlocks.Title;
        public const string Start = ChapterBlocks.Start;
        public const string Techniques = ChapterBlocks.Techniques;
        public const string Notes = ChapterBlocks.Notes;
    }

    /// <summary>Document type <c>technique</c>, allowed at the root.</summary>
    public static class Technique
    {
        public const string Alias = "technique";
        public const string UrlName = "umbracoUrlName";
        public const string Summary = "summary";
        public const string Body = "body";
        public const string Muscles = "muscles";
        public const string Regions = "regions";
    }

    // Built-in data types every Umbraco site has (Constants.DataTypes.Guids): referenced, never written,
    // so importing Course's files does not overwrite a site's own settings for them.
    internal static readonly DataTypeDefinition Textstring =
        new(new("0cc0eba1-9960-42c9-bf9b-60e150b429ae"), "Textstring", PropertyEditor.TextBox, ConfigJson: null);
    internal static readonly DataTypeDefinition Textarea =
        new(new("c6bac0dd-4ab9-45b1-8e30-e4b619ee5da3"), "Textarea", PropertyEditor.TextArea, ConfigJson: null);
    internal static readonly DataTypeDefinition Numeric =
        new(new("2e6d3631-066e-44b8-aec4-96f09099b2b5"), "Numeric", PropertyEditor.Integer, ConfigJson: null);

    private static readonly Guid VideoKey = new("c8d1c344-c910-4ec7-9fcc-7d46f27af27a");
    private static readonly Guid ChapterKey = new("e9271bee-51d6-4046-bfb0-59a79aa55eea");
    private static readonly Guid CaptionKey = new("5b0f4e8a-7c1d-4a57-9d3e-2f6b8c9a1e40");
    private static readonly Guid TechniqueKey = new("75ecc73f-a204-476a-a363-73dd48b3eb6a");

    // The Course.Umbraco package's property editor: the description's table of contents, checked as it is typed.
    internal static readonly DataTypeDefinition CourseChapters = new(
        new("795d61ab-125d-463d-8aa6-54350204d34f"), "Course chapters", PropertyEditor.CourseChapters, ConfigJson: "{}");

    internal static readonly DataTypeDefinition Chapters = new(
        new("1794ce8d-44d6-4ee6-aefe-62757e44276c"), "Chapters", PropertyEditor.BlockList,
        $$$"""{"blocks":[{"contentElementTypeKey":"{{{ChapterKey}}}","label":"{=title}"}],"useSingleBlockMode":false,"validationLimit":{"max":null,"min":null}}""");

    internal static readonly DataTypeDefinition Captions = new(
        new("0d9c3b7e-61a4-4f2e-8b5d-93c7e1f04a26"), "Captions", PropertyEditor.BlockList,
        $$$"""{"blocks":[{"contentElementTypeKey":"{{{CaptionKey}}}","label":"{=label} ({=language})"}],"useSingleBlockMode":false,"validationLimit":{"max":null,"min":null}}""");

    // The v14+ backoffice filters a tree picker by document type key, not alias.
    internal static readonly DataTypeDefinition ChapterTechniques = new(
        new("209e9ba8-f6eb-484f-a3ed-e0a6c30ddf4c"), "Chapter techniques", PropertyEditor.MultiNodeTreePicker,
        $$$"""{"filter":"{{{TechniqueKey}}}","ignoreUserStartNodes":false,"maxNumber":0,"minNumber":0,"showOpenButton":false,"startNode":{"type":"content"}}""");

    // Muscles and regions are separate tag groups so that their facets never mix.
    internal static readonly DataTypeDefinition Muscles = new(
        new("f211904e-b632-4285-a679-3d79f93e600a"), "Muscles", PropertyEditor.Tags,
        """{"delimiter":"","group":"muscles","storageType":"Json"}""");
    internal static readonly DataTypeDefinition Regions = new(
        new("bdb46188-f19e-4727-91dc-ca7048098286"), "Regions", PropertyEditor.Tags,
        """{"delimiter":"","group":"regions","storageType":"Json"}""");

    internal static readonly DocumentTypeDefinition CourseVideoType = new(
        VideoKey, CourseVideo.Alias, "Course video", "icon-video", IsElement: false,
        TabKey: new("4e7d532f-0e75-4a14-9b13-79022669ad19"),
        [
            new(new("f3ccccb6-833c-4e6f-8257-6e6d33d7e0d7"), CourseVideo.Source, "Source", Textstring, 0, Mandatory: true,
                "Where the video plays from: a site path (/media/…) or a YouTube or Vimeo address."),
            new(new("1a35a9e5-53dd-40e5-9749-69bc5befe269"), CourseVideo.Duration, "Duration", Numeric, 1,
                Description: "Length in whole seconds; empty when unknown."),
            new(new("9c0bcf1b-d526-47a9-904e-72aa2d08e897"), CourseVideo.Description, "Description", CourseChapters, 2,
                Description: "The description as authored, with its table of contents."),
            new(new("a3cda6af-3f72-4920-9671-872385aaac6b"), CourseVideo.Chapters, "Chapters", Chapters, 3),
            new(new("fa670b8d-02be-4910-9c18-657027dca410"), CourseVideo.UrlName, "Slug", Textstring, 4,
                Description: "The URL segment: lower case letters, digits and dashes."),
            new(new("e2a7c5d1-3b8f-4e69-a0c4-7d1f2b9e8a53"), CourseVideo.Captions, "Captions", Captions, 5,
                Description: "Caption tracks, one per language."),
        ]);

    internal static readonly DocumentTypeDefinition CaptionType = new(
        CaptionKey, Caption.Alias, "Caption", "icon-subtitle", IsElement: true,
        TabKey: new("a6e1d2c9-84b3-4f07-b5a2-1c9d7e3f6b18"),
        [
            new(new("c3f8a1b6-2d94-4e7a-9b05-6e2d4c8a1f37"), Caption.Language, "Language", Textstring, 0, Mandatory: true,
                "A BCP 47 language tag: en, fr, pt-BR."),
            new(new("71d4e9a2-5c38-4b1f-a6e7-0b9c2d5f8e14"), Caption.Label, "Label", Textstring, 1, Mandatory: true,
                "What the player's captions menu shows."),
            new(new("9a2b6c4d-1e7f-4850-b3a9-d5e8f1c27b46"), Caption.Track, "Track", Textarea, 2, Mandatory: true,
                "The captions as WebVTT."),
        ]);

    internal static readonly DocumentTypeDefinition ChapterType = new(
        ChapterKey, Chapter.Alias, "Chapter", "icon-bookmark", IsElement: true,
        TabKey: new("824564dd-38d1-46d8-8e27-c821d724d95c"),
        [
            new(new("d0527a5f-a36c-457a-90c6-56eb487e7013"), Chapter.Title, "Title", Textstring, 0, Mandatory: true),
            new(new("66fadb6b-980b-4e9e-94e7-8bc3f2a06910"), Chapter.Start, "Start", Numeric, 1, Mandatory: true,
                "Seconds from the start of the video."),
            new(new("9860bcf3-4150-4c93-81da-44a8600f1ccf"), Chapter.Techniques, "Techniques", ChapterTechniques, 2,
                Description: "The techniques this chapter shows."),
            new(new("7f54d3f2-4585-4c13-8d31-f429973c55b8"), Chapter.Notes, "Notes", Textarea, 3),
        ]);

    internal static readonly DocumentTypeDefinition TechniqueType = new(
        TechniqueKey, Technique.Alias, "Technique", "icon-hand-active", IsElement: false,
        TabKey: new("71b8d52e-b7c3-489c-88da-c00b0d2e2c70"),
        [
            new(new("39b5798b-526d-44d3-80de-f5feacca5ef1"), Technique.Summary, "Summary", Textarea, 0,
                Description: "One or two sentences shown in lists and search results."),
            new(new("f3e28f2c-ffc0-4e52-9451-b84e144d5788"), Technique.Body, "Body", Textarea, 1,
                Description: "Plain paragraphs separated by blank lines."),
            new(new("5cb13611-e854-49d9-8cdb-0875d13977e5"), Technique.Muscles, "Muscles", Muscles, 2),
            new(new("d54eeabe-3136-4fd9-ae90-5339a8d3a7b6"), Technique.Regions, "Regions", Regions, 3),
            new(new("314d9f48-2d1d-4b49-9146-b8c4d1b3ddfe"), Technique.UrlName, "Slug", Textstring, 4,
                Description: "The URL segment: lower case letters, digits and dashes."),
        ]);

    internal static IReadOnlyList<DocumentTypeDefinition> DocumentTypes => [CourseVideoType, ChapterType, CaptionType, TechniqueType];

    /// <summary>The data types Course defines itself (the built-in ones are only referenced).</summary>
    internal static IReadOnlyList<DataTypeDefinition> OwnDataTypes => [CourseChapters, Chapters, Captions, ChapterTechniques, Muscles, Regions];
}

/// <summary>A property editor: Umbraco's server-side alias and the v14+ backoffice UI that edits it.</summary>
internal sealed record PropertyEditor(string Alias, string UiAlias)
{
    public static readonly PropertyEditor TextBox = new("Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox");
    public static readonly PropertyEditor TextArea = new("Umbraco.TextArea", "Umb.PropertyEditorUi.TextArea");
    public static readonly PropertyEditor Integer = new("Umbraco.Integer", "Umb.PropertyEditorUi.Integer");
    public static readonly PropertyEditor Tags = new("Umbraco.Tags", "Umb.PropertyEditorUi.Tags");
    public static readonly PropertyEditor MultiNodeTreePicker = new("Umbraco.MultiNodeTreePicker", "Umb.PropertyEditorUi.ContentPicker");
    public static readonly PropertyEditor BlockList = new("Umbraco.BlockList", "Umb.PropertyEditorUi.BlockList");
    /// <summary>The Course.Umbraco package's editor (its <c>umbraco-package.json</c>); an Umbraco site installs the package first.</summary>
    public static readonly PropertyEditor CourseChapters = new("Course.Chapters", "Course.PropertyEditorUi.Chapters");
}

/// <summary>A data type; <see cref="ConfigJson"/> is null for Umbraco's built-in ones.</summary>
internal sealed record DataTypeDefinition(Guid Key, string Name, PropertyEditor Editor, string? ConfigJson);

internal sealed record PropertyDefinition(
    Guid Key, string Alias, string Name, DataTypeDefinition DataType, int SortOrder,
    bool Mandatory = false, string Description = "");

internal sealed record DocumentTypeDefinition(
    Guid Key, string Alias, string Name, string Icon, bool IsElement, Guid TabKey,
    IReadOnlyList<PropertyDefinition> Properties)
{
    /// <summary>Element types live inside block lists only; Course's documents all sit at the root.</summary>
    public bool AllowAtRoot => !IsElement;

    public PropertyDefinition Property(string alias) => Properties.Single(p => p.Alias == alias);
}
