using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
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
    IOptionsMonitor<CourseOptions> course)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent)) return Task.FromResult(AuthenticateResult.NoResult());
        var expected = course.CurrentValue.ManagementApiKey;
        if (string.IsNullOrEmpty(expected)) return Task.FromResult(AuthenticateResult.Fail("The editor API key is not configured."));
        // Constant time, so the key cannot be guessed byte by byte from response times.
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent.ToString()), Encoding.UTF8.GetBytes(expected));
        if (!matches) return Task.FromResult(AuthenticateResult.Fail("Wrong API key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.Role, EditorPolicy.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public static class EditorPolicy
{
    public const string Name = "Editor";
    public const string Role = "Editor";
}
