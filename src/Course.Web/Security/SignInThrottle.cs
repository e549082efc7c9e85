using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace Course.Web.Security;

/// <summary>
/// Slows password guessing without handing strangers a way to lock editors out (OWASP's "device cookies").
/// A browser that has signed in to an account before carries a signed device cookie for it; its failures
/// count against that device alone. Every other attempt counts against the account it names (whether the
/// account exists or not, so the answer tells nothing): five failures in 15 minutes close the account to
/// unknown browsers until the oldest failure is 15 minutes old, while the editor's own browser still gets in.
/// Counts are kept in memory per node; each client address is also limited by <see cref="PostingRateLimits.SignIn"/>.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxTrackedKeys = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>What an attempt is counted against: the device when it is trusted for the account, else the account.</summary>
    public static string KeyFor(string account, string? trustedDevice) =>
        trustedDevice is not null ? "device:" + trustedDevice : "account:" + account.Trim().ToUpperInvariant();

    public bool IsClosed(string key)
    {
        if (!failures.TryGetValue(key, out var times)) return false;
        lock (times)
        {
            Expire(times);
            return times.Count >= FailuresAllowed;
        }
    }

    public void Failed(string key)
    {
        if (failures.Count >= MaxTrackedKeys) Prune();
        var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times);
            times.Enqueue(clock.GetUtcNow());
        }
    }

    public void Succeeded(string key) => failures.TryRemove(key, out _);

    private void Expire(Queue<DateTimeOffset> times)
    {
        var since = clock.GetUtcNow() - Window;
        while (times.TryPeek(out var oldest) && oldest <= since) times.Dequeue();
    }

    // Bounded memory under a flood of made-up accounts: drop whatever has aged out.
    private void Prune()
    {
        foreach (var (key, times) in failures)
        {
            lock (times)
            {
                Expire(times);
                if (times.Count == 0) failures.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>The signed, HTTP-only cookie that marks a browser as one an account has signed in from.</summary>
public sealed class DeviceCookies(IDataProtectionProvider protection)
{
    public const string Name = "course-device";
    private readonly IDataProtector protector = protection.CreateProtector("Course.SignIn.Device");

    /// <summary>The device's id when the request carries a cookie issued to <paramref name="account"/>; otherwise null.</summary>
    public string? TrustedFor(HttpRequest request, string account)
    {
        if (request.Cookies[Name] is not { Length: > 0 } cookie) return null;
        try
        {
            var parts = protector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && string.Equals(parts[0], account.Trim(), StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // forged, or from keys since rotated away: an unknown browser
        }
    }

    public void Issue(HttpResponse response, string account, string? device) =>
        response.Cookies.Append(Name, protector.Protect($"{account.Trim()}\n{device ?? Guid.NewGuid().ToString("N")}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = EditorSignIn.LoginPath,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
}
