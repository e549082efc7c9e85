using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Web.Comments;

/// <summary>
/// How many comments one client may post per minute, counted per client IP address across the JSON
/// API and the HTML form alike. Reading comments is never limited.
/// </summary>
public static class CommentRateLimit
{
    public const string Policy = "comments";

    public static IServiceCollection AddCommentRateLimit(this IServiceCollection services, int permitsPerMinute)
    {
        if (permitsPerMinute < 1)
            throw new InvalidOperationException($"Course:Comments:PermitsPerMinute must be at least 1; it is {permitsPerMinute}.");
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = RejectAsync;
        });
    }

    // Behind a proxy this is the proxy's address unless forwarded headers are configured for it.
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many comments from your address: wait {wait} seconds before posting again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many comments", detail: detail)
                .ExecuteAsync(context);
            return;
        }
        // The form lives in a frame of the video page: a short page a person can read, not JSON.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><title>Too many comments</title><link rel=\"stylesheet\" href=\"/css/site.css\"><p class=\"comment-message\">{detail}</p>",
            cancellationToken);
    }
}
