namespace Course.Umbraco.Content;

/// <summary>The aliases of the document types and properties in the repository's <c>uSync/v17</c> files.</summary>
public static class CourseDocumentTypes
{
    public const string Video = "courseVideo";
    public const string Technique = "technique";

    /// <summary>Properties of a <see cref="Video"/>.</summary>
    public static class VideoProperties
    {
        public const string Description = "description";
        /// <summary>The <c>chapter</c> block list: the techniques each chapter shows and notes (<c>ChapterBlocks</c>).</summary>
        public const string Chapters = "chapters";
        /// <summary>The <c>caption</c> block list: one track per language (<c>CaptionBlocks</c>).</summary>
        public const string Captions = "captions";
        public const string Source = "source";
        public const string Duration = "duration";
        public const string UrlName = "umbracoUrlName";
    }

    /// <summary>Properties of a <see cref="Technique"/>.</summary>
    public static class TechniqueProperties
    {
        public const string Summary = "summary";
        public const string Body = "body";
        public const string Muscles = "muscles";
        public const string Regions = "regions";
        public const string UrlName = "umbracoUrlName";
    }
}
