using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Course.Web.Composition;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Course.Web.Security;

/// <summary>
/// Signs in automation that sends <c>Api-Key: &lt;Course:ManagementApiKey&gt;</c>. While no key is
/// configured nobody can sign in this way: the editor API stays closed rather than open.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<CourseOptions> course,
    ApiKeyFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent)) return Task.FromResult(AuthenticateResult.NoResult());
        var expected = course.CurrentValue.ManagementApiKey;
        if (string.IsNullOrEmpty(expected)) return Task.FromResult(AuthenticateResult.Fail("The editor API key is not configured."));
        // A client that sent too many wrong keys is not heard until its window ends, right key or not.
        var client = PostingRateLimits.ClientAddress(Context);
        if (failures.Blocked(client) is { } wait) return Throttled(wait);
        // Constant time, so the key cannot be guessed byte by byte from response times.
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent.ToString()), Encoding.UTF8.GetBytes(expected));
        if (!matches) return failures.Failed(client) is { } blocked ? Throttled(blocked) : Task.FromResult(AuthenticateResult.Fail("Wrong API key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.Role, EditorPolicy.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private Task<AuthenticateResult> Throttled(TimeSpan wait)
    {
        Context.Items[typeof(ApiKeyFailures)] = wait;
        return Task.FromResult(AuthenticateResult.Fail("Too many wrong API keys."));
    }

    /// <summary>429 with <c>Retry-After</c> for a client over its wrong-key limit, 401 otherwise; the status code pages add problem details.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[typeof(ApiKeyFailures)] is not TimeSpan wait) return base.HandleChallengeAsync(properties);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}

/// <summary>Wrong API keys per client address: <see cref="PerMinute"/> a minute, then every key from it is refused with 429 until the minute ends.</summary>
public sealed class ApiKeyFailures : IDisposable
{
    public const int PerMinute = 10;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>How long the client must wait, when it has no wrong guesses left.</summary>
    public TimeSpan? Blocked(string client) => Wait(limiter.AttemptAcquire(client, 0));

    /// <summary>Counts a wrong key; how long to wait when that was one too many.</summary>
    public TimeSpan? Failed(string client) => Wait(limiter.AttemptAcquire(client));

    private static TimeSpan? Wait(RateLimitLease lease)
    {
        using (lease)
        {
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        }
    }

    public void Dispose() => limiter.Dispose();
}

public static class EditorPolicy
{
    public const string Name = "Editor";
    public const string Role = "Editor";
}
