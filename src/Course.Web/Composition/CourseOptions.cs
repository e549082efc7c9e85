namespace Course.Web.Composition;

/// <summary>The <c>Course</c> section of configuration (environment: <c>Course__X__Y</c>).</summary>
public sealed class CourseOptions
{
    public const string Section = "Course";

    /// <summary>Editor API key sent as the <c>Api-Key</c> header; the editor API is closed while it is empty.</summary>
    public string ManagementApiKey { get; set; } = "";

    /// <summary>The site's public address, for canonical links, sitemaps and structured data; its host is always allowed.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5177";

    public AdminOptions Admin { get; set; } = new();
    public CommentOptions Comments { get; set; } = new();
    public USyncOptions USync { get; set; } = new();
    public MediaOptions Media { get; set; } = new();
    public Api.Delivery.DeliveryApiOptions DeliveryApi { get; set; } = new();
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
    public HttpsOptions Https { get; set; } = new();

    public sealed class AdminOptions
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }

    public sealed class CommentOptions
    {
        public bool AutoApprove { get; set; }
        public int PermitsPerMinute { get; set; } = 5;
    }

    public sealed class USyncOptions
    {
        /// <summary>Absolute, or relative to the content root; the repository's <c>uSync/</c> when empty.</summary>
        public string Folder { get; set; } = "";

        public string Resolve(string contentRoot)
        {
            if (!string.IsNullOrWhiteSpace(Folder)) return Path.GetFullPath(Folder, contentRoot);
            // Running from a checkout (dotnet run --project src/Course.Web): the repository's folder.
            for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return Path.Combine(dir.FullName, "uSync");
            }
            return Path.Combine(contentRoot, "uSync");
        }
    }

    public sealed class MediaOptions
    {
        /// <summary>Where uploaded videos are kept, served at <c>/media</c>; absolute or relative to the content root; <c>wwwroot/media</c> when empty.</summary>
        public string Folder { get; set; } = "";

        /// <summary>The largest video file an editor may upload.</summary>
        public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;
    }

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the site believes. Empty (the
    /// default): nobody's, so a client cannot pick its own address to escape the rate limits.
    /// </summary>
    public sealed class ForwardedHeadersSettings
    {
        /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
        public string[] KnownProxies { get; set; } = [];

        /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
        public string[] KnownNetworks { get; set; } = [];
    }

    /// <summary>What the site does when it is reached over TLS (directly, or through a trusted proxy saying <c>X-Forwarded-Proto: https</c>).</summary>
    public sealed class HttpsOptions
    {
        /// <summary>Redirect plain HTTP to HTTPS once an HTTPS port is known (a Kestrel HTTPS endpoint, or <see cref="Port"/>).</summary>
        public bool Redirect { get; set; } = true;

        /// <summary>The public HTTPS port to redirect to, for a TLS-terminating proxy; found from Kestrel's endpoints when empty.</summary>
        public int? Port { get; set; }

        /// <summary>How long browsers keep to HTTPS after an answer over it (<c>Strict-Transport-Security</c>); 0 sends none.</summary>
        public int HstsMaxAgeDays { get; set; } = 365;
    }
}
