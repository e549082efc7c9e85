using System.Text;
using System.Xml;
using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Course.Web.Media;

namespace Course.Web.Site;

/// <summary><c>/robots.txt</c> and <c>/sitemap.xml</c> (with Google's video entries), at the public address.</summary>
public static class SiteMap
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string VideoNamespace = "http://www.google.com/schemas/sitemap-video/1.1";

    public static IEndpointRouteBuilder MapSiteMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        endpoints.MapGet("/sitemap.xml", Sitemap).CacheOutput(CachePolicies.Content).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Everything public may be crawled; the editors' side and the per-visitor comment form may not.</summary>
    private static IResult Robots(PublicAddress address) => Results.Text(
        $"""
        User-agent: *
        Disallow: /backoffice
        Disallow: /api/manage
        Disallow: /search
        Allow: /

        Sitemap: {address.Of("/sitemap.xml")}

        """, "text/plain; charset=utf-8");

    /// <summary>The home page, every published video (a video entry each) and chapter, and every technique.</summary>
    private static IResult Sitemap(PublishedContentCache cache, PublicAddress address, VideoPictures pictures)
    {
        var content = cache.Current;
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "video", null, VideoNamespace);
            Url(xml, address.Of("/"), null);
            foreach (var video in content.Videos)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, address.Of(ContentUrls.Video(video)));
                xml.WriteElementString("lastmod", SitemapNamespace, video.UpdateDate.ToString("yyyy-MM-ddTHH:mm:ssZ"));
                VideoEntry(xml, video, address, pictures);
                xml.WriteEndElement();
                foreach (var chapter in video.Chapters) Url(xml, address.Of(ContentUrls.Chapter(video, chapter)), video.UpdateDate);
            }
            foreach (var technique in content.Techniques) Url(xml, address.Of(ContentUrls.Technique(technique)), null);
            xml.WriteEndElement();
        }
        // StringBuilder output declares UTF-16; the bytes sent are UTF-8.
        return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter xml, string location, DateTime? modified)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, location);
        if (modified is { } at) xml.WriteElementString("lastmod", SitemapNamespace, at.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        xml.WriteEndElement();
    }

    // https://developers.google.com/search/docs/crawling-indexing/sitemaps/video-sitemaps
    private static void VideoEntry(XmlWriter xml, Video video, PublicAddress address, VideoPictures pictures)
    {
        xml.WriteStartElement("video", "video", VideoNamespace);
        xml.WriteElementString("video", "thumbnail_loc", VideoNamespace, address.Of(pictures.Poster(video) ?? VideoPictures.DefaultThumbnail));
        xml.WriteElementString("video", "title", VideoNamespace, video.Title);
        xml.WriteElementString("video", "description", VideoNamespace, Shorten(video.Summary.Length > 0 ? video.Summary : video.Title, 2048));
        if (VideoSource.TryParse(video.Source, out var source))
        {
            if (source.Kind == VideoSourceKind.File) xml.WriteElementString("video", "content_loc", VideoNamespace, address.Of(source.Address));
            else xml.WriteElementString("video", "player_loc", VideoNamespace, source.Kind == VideoSourceKind.YouTube
                ? $"https://www.youtube.com/embed/{source.ExternalId}"
                : $"https://player.vimeo.com/video/{source.ExternalId}");
        }
        if (video.Duration is int seconds) xml.WriteElementString("video", "duration", VideoNamespace, seconds.ToString());
        xml.WriteElementString("video", "publication_date", VideoNamespace, video.CreateDate.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        xml.WriteEndElement();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
