using Course.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Web.Pages.Backoffice;

/// <summary>
/// Editors sign in with email and password. An unknown account, a wrong password and a closed account get the
/// same answer, after the same work (a password hash is checked every time), so the page tells nobody which
/// accounts exist; <see cref="SignInThrottle"/> says when an account is closed to a browser.
/// </summary>
[EnableRateLimiting(PostingRateLimits.SignIn)]
public sealed class LoginModel(
    SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher,
    SignInThrottle throttle, DeviceCookies devices) : PageModel
{
    public const string Refusal =
        "Wrong email or password. After several failed attempts, a browser that has not signed in to the account before waits up to 15 minutes.";

    // A hash of a random password, checked when there is no account, so an unknown email takes as long as a wrong password.
    private static readonly string UnknownAccountHash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString());

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = Email.Trim();
        var device = devices.TrustedFor(Request, account);
        var key = SignInThrottle.KeyFor(account, device);
        var user = throttle.IsClosed(key) ? null : await users.FindByEmailAsync(account);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), UnknownAccountHash, Password);
            return Refused(key);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false);
        if (!result.Succeeded) return Refused(key);

        throttle.Succeeded(key);
        await signIn.SignInAsync(user, isPersistent: false);
        devices.Issue(Response, account, device);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/backoffice");
    }

    private PageResult Refused(string key)
    {
        throttle.Failed(key);
        Problem = Refusal;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
