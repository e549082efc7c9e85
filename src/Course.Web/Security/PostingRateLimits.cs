using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Web.Security;

/// <summary>
/// What one client (by IP address) may post per minute: comments, across the JSON API and the HTML
/// form alike, and sign-in attempts, so passwords cannot be guessed at speed even for accounts that
/// do not exist (lockout only guards real ones). Reading is never limited.
/// </summary>
public static class PostingRateLimits
{
    public const string Comments = "comments";
    public const string SignIn = "sign-in";
    public const int SignInAttemptsPerMinute = 20;

    public static IServiceCollection AddPostingRateLimits(this IServiceCollection services, int commentsPerMinute)
    {
        if (commentsPerMinute < 1)
            throw new InvalidOperationException($"Course:Comments:PermitsPerMinute must be at least 1; it is {commentsPerMinute}.");
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Comments, context => PostsPerMinute(context, Comments, commentsPerMinute));
            limiter.AddPolicy(SignIn, context => PostsPerMinute(context, SignIn, SignInAttemptsPerMinute));
            limiter.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> PostsPerMinute(HttpContext context, string policy, int permits) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ClientAddress(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>The client's address: a proxy's own, unless it is one of <c>Course:ForwardedHeaders</c>' trusted proxies.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        var what = context.Request.Path.StartsWithSegments("/backoffice") ? "sign-in attempts" : "comments";
        var detail = $"Too many {what} from your address: wait {wait} seconds before trying again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: $"Too many {what}", detail: detail)
                .ExecuteAsync(context);
            return;
        }
        // A person reads this (the comment form lives in a frame of the video page): a short page, not JSON.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><title>Too many {what}</title><link rel=\"stylesheet\" href=\"/css/site.css\"><p class=\"comment-message\">{detail}</p>",
            cancellationToken);
    }
}
