namespace Course.Web.Site;

/// <summary>
/// The site's public address (<c>Course:PublicUrl</c>), for canonical links, Open Graph, structured data,
/// robots.txt and the sitemap. Never taken from a request's <c>Host</c> header, which a client chooses.
/// </summary>
public sealed class PublicAddress
{
    private readonly string root;

    public PublicAddress(string configured)
    {
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"Course:PublicUrl must be the site's absolute http(s) address, such as https://course.example.com; it is '{configured}'.");
        }
        Uri = uri;
        root = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri Uri { get; }

    public string Host => Uri.Host;

    /// <summary>The absolute address of a site path ("/videos/x" gives "https://course.example.com/videos/x"); absolute addresses pass through.</summary>
    public string Of(string path) =>
        path.StartsWith('/') ? root + path : path;
}
