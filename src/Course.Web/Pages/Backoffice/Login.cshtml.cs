using Course.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Course.Web.Pages.Backoffice;

/// <summary>Editors sign in with email and password; five failures in a row lock the account for a while.</summary>
[EnableRateLimiting(PostingRateLimits.SignIn)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/backoffice");
        Problem = result.IsLockedOut
            ? $"Too many failed sign-ins: the account is locked. Try again in {EditorSignIn.Lockout.TotalMinutes:0} minutes."
            : "Wrong email or password.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
