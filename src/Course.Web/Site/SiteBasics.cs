using System.IO.Compression;
using Course.Web.Composition;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace Course.Web.Site;

/// <summary>
/// What every response of the site gets: the public address, compression, caching of static files and
/// the security headers (content security policy, no sniffing, referrer policy, framing by this site only).
/// </summary>
public static class SiteBasics
{
    /// <summary>
    /// Scripts and frames from this site, plus YouTube's and Vimeo's players; no inline script (JSON-LD is data,
    /// not script) and no inline style. The comment form's frame is same-origin, so framing stays 'self'.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://www.youtube.com; style-src 'self'; img-src 'self' data: https://i.ytimg.com; " +
        "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-src 'self' https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com; frame-ancestors 'self'";

    /// <summary>One year: versioned assets (<c>?v=</c> from <c>asp-append-version</c>) change address when they change.</summary>
    private const string Immutable = "public, max-age=31536000, immutable";

    public static WebApplicationBuilder AddSiteBasics(this WebApplicationBuilder builder, CourseOptions options)
    {
        var address = new PublicAddress(options.PublicUrl);
        builder.Services.AddSingleton(address);
        // The public address's host is always allowed, beside AllowedHosts (which may list more, such as localhost).
        builder.Services.PostConfigure<HostFilteringOptions>(hosts =>
        {
            if (!hosts.AllowedHosts.Contains("*") && !hosts.AllowedHosts.Contains(address.Host)) hosts.AllowedHosts = [.. hosts.AllowedHosts, address.Host];
        });

        builder.Services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/vtt", "application/problem+json", "image/x-icon"]);
        });
        // Fastest: pages are small and cached, so the level barely changes the bytes but does cost throughput.
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>Before static files and pages, so both are compressed and carry the headers.</summary>
    public static WebApplication UseSiteBasics(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At the start of the response, so error pages (whose handlers clear headers) carry them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            }, context.Response);
            // Pages holding a visitor's antiforgery token or an editor's data are never compressed, so a
            // reflected guess cannot be measured against a secret by the response's size (BREACH).
            if (HoldsSecrets(context.Request.Path) && context.Features.Get<IHttpsCompressionFeature>() is { } https)
                https.Mode = HttpsCompressionMode.DoNotCompress;
            return next(context);
        });
        app.UseResponseCompression();
        return app;
    }

    private static bool HoldsSecrets(PathString path) =>
        path.StartsWithSegments("/backoffice") || path.StartsWithSegments("/api/manage") || path.Value?.EndsWith("/comment", StringComparison.Ordinal) == true;

    /// <summary>
    /// Static files: versioned assets are cached for a year; media and other files for an hour, then
    /// revalidated with the ETag and Last-Modified that static files always send.
    /// </summary>
    public static StaticFileOptions CachingStaticFiles(StaticFileOptions? options = null)
    {
        options ??= new StaticFileOptions();
        options.OnPrepareResponse = file =>
        {
            var headers = file.Context.Response.Headers;
            headers.CacheControl = file.Context.Request.Query.ContainsKey("v") ? Immutable : "public, max-age=3600";
        };
        return options;
    }
}
