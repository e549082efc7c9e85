using Course.Web.Composition;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Course.Web.Security;

/// <summary>Creates backoffice users: the first administrator at first start, or more with <c>create-admin</c>.</summary>
public sealed class EditorAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<CourseOptions> options, ILogger<EditorAccounts> logger)
{
    /// <summary>An editor signing in with <paramref name="email"/>; the errors say why not (taken, weak password…).</summary>
    public async Task<IdentityResult> CreateAsync(string email, string password)
    {
        if (!await roles.RoleExistsAsync(EditorPolicy.Role))
        {
            var role = await roles.CreateAsync(new IdentityRole(EditorPolicy.Role));
            if (!role.Succeeded) return role;
        }
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, EditorPolicy.Role) : created;
    }

    /// <summary>
    /// Creates the administrator from <c>Course:Admin:Email</c> and <c>Course:Admin:Password</c> while there is
    /// no user yet; does nothing once anyone can sign in, or when they are not configured.
    /// </summary>
    public async Task EnsureFirstAdministratorAsync()
    {
        var admin = options.Value.Admin;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password) || users.Users.Any()) return;
        var result = await CreateAsync(admin.Email.Trim(), admin.Password);
        // Refuse to start rather than run a site nobody can sign in to.
        if (!result.Succeeded)
            throw new InvalidOperationException($"Course:Admin could not be created: {Describe(result)}");
        logger.LogInformation("Created the first administrator {Email}", admin.Email.Trim());
    }

    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
