using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Course.Umbraco.Comments;

/// <summary>
/// Comments one client address may post per minute (<c>Course:Comments:PermitsPerMinute</c>). Used by the endpoint
/// itself rather than through ASP.NET Core's rate-limiting middleware, which a package cannot add to Umbraco's pipeline
/// with Umbraco.Cms.Core alone.
/// </summary>
public sealed class CommentPostLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when the client may post; else how long to wait.</summary>
    public TimeSpan? Refuse(HttpContext context)
    {
        // Behind a proxy this is the proxy's address unless forwarded headers are configured for it.
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
