using Microsoft.Net.Http.Headers;

namespace Course.Web.Api.Manage;

/// <summary>
/// The editor API's optimistic concurrency over HTTP. A video or technique answer carries its stored
/// version as a strong <c>ETag</c> (<c>"7"</c>) and as <c>version</c> in the JSON; a change sent with
/// <c>If-Match</c> is made only over that version (412 otherwise), and a save that loses the race to
/// another one at the same moment answers 409. Without <c>If-Match</c> a change saves over the version it
/// loads, so even then two saves at once never overwrite each other silently.
/// </summary>
internal static class VersionTags
{
    /// <summary>Versions start at 1, so this one is never stored: an <c>If-Match</c> naming none of ours reads as it and cannot match.</summary>
    private const int NoVersion = 0;

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// The version <c>If-Match</c> names: null when absent or <c>*</c> (any stored version); the number of a
    /// single strong tag like <c>"7"</c>; otherwise (<c>"bogus"</c>, a weak tag, several tags, garbage) a
    /// version no item has, so the change is refused with 412 rather than made.
    /// </summary>
    public static int? Expected(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        if (ifMatch.Trim() == "*") return null;
        return EntityTagHeaderValue.TryParseStrictList([ifMatch], out var tags)
            && tags is [{ IsWeak: false } tag]
            && int.TryParse(tag.Tag.AsSpan()[1..^1], System.Globalization.NumberStyles.None, null, out var version)
            && version > NoVersion
                ? version
                : NoVersion;
    }

    /// <summary>Puts a video's or technique's version in the <c>ETag</c> header of every answer that carries one.</summary>
    public static TBuilder WithVersionETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IValueHttpResult { Value: IVersionedResponse versioned })
                context.HttpContext.Response.Headers.ETag = ETag(versioned.Version);
            return result;
        });
}

/// <summary>An answer about one stored item, whose version becomes the <c>ETag</c>.</summary>
public interface IVersionedResponse
{
    int Version { get; }
}
