using Course.Data.Content;
using Course.Data.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Course.Web.Security;

/// <summary>
/// Who may edit: backoffice users (ASP.NET Core Identity, in the content database, signed in with a
/// cookie) and automation sending the API key. <see cref="EditorPolicy"/> accepts either.
/// </summary>
public static class EditorSignIn
{
    /// <summary>Picks the API key scheme for API requests carrying the header, the sign-in cookie otherwise (pages are for people).</summary>
    public const string Scheme = "Editor";
    public const string LoginPath = "/backoffice/login";
    public const string CookieName = "course-backoffice";

    public static IServiceCollection AddEditorSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddPolicyScheme(Scheme, "API key or backoffice sign-in", policy => policy.ForwardDefaultSelector = context =>
                IsApi(context.Request) && context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header)
                    ? ApiKeyAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = LoginPath;
            cookie.Cookie.Name = CookieName;
            // Strict: no other site can make a browser send it, which guards the JSON editor API (no antiforgery token there).
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.HttpOnly = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => RedirectPagesOnly(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectPagesOnly(context, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<IdentityUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                // SignInThrottle slows guessing instead: Identity's lockout would let anyone lock an editor out.
                identity.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CourseDbContext>()
            .AddSignInManager();
        // Identity's stores take the context per request; the rest of the site uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CourseDbContext>>().CreateDbContext());
        services.AddScoped<EditorAccounts>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiKeyFailures>();
        services.AddSingleton<DeviceCookies>();

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy.Name, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireRole(EditorPolicy.Role));
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentEditor, HttpCurrentEditor>();
        return services;
    }

    // JSON clients get a status (problem details follow from the status code pages); people get the sign-in page.
    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>The signed-in editor's name (or <c>api-key</c>) for the version history.</summary>
internal sealed class HttpCurrentEditor(IHttpContextAccessor http) : ICurrentEditor
{
    public string Name => http.HttpContext?.User.Identity?.Name ?? "site";
}
