namespace Course.Umbraco;

/// <summary>The package's configuration, the <c>Course</c> section of the Umbraco site's appsettings.json.</summary>
public sealed class CourseUmbracoOptions
{
    public const string Section = "Course";

    /// <summary>The site's public address, for structured data; the request's own address when empty.</summary>
    public string PublicUrl { get; set; } = "";

    public SearchSettings Search { get; set; } = new();

    public CommentSettings Comments { get; set; } = new();

    public sealed class SearchSettings
    {
        /// <summary>The Lucene index folder, relative to the content root; it belongs to the index (a rebuild empties it).</summary>
        public string IndexFolder { get; set; } = "umbraco/Data/Course/Index";

        /// <summary>A synonym list in Solr's format, relative to the content root; empty: the list the Course site ships.</summary>
        public string SynonymsFile { get; set; } = "";
    }

    public sealed class CommentSettings
    {
        /// <summary>Publish comments without moderation.</summary>
        public bool AutoApprove { get; set; }

        /// <summary>Comments one client address may post per minute.</summary>
        public int PermitsPerMinute { get; set; } = 5;
    }
}
