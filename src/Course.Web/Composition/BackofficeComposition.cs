using Course.Web.Commands;
using Course.Web.Media;
using Course.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Course.Web.Composition;

/// <summary>The backoffice: editors' sign-in, pages under <c>/backoffice</c>, media uploads and the site's commands.</summary>
public static class BackofficeComposition
{
    public const string Folder = "/Backoffice";
    public const string UploadPage = "/Backoffice/Videos/Edit";

    public static IServiceCollection AddBackoffice(this IServiceCollection services, CourseOptions options)
    {
        services.AddEditorSignIn();
        services.AddSingleton<MediaLibrary>();
        services.AddSiteCommands();
        // Through AddRazorPages: its setup replaces the conventions, so they are added after it.
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder(Folder, EditorPolicy.Name);
            pages.Conventions.AllowAnonymousToPage(Folder + "/Login");
            // Read before antiforgery reads the form: the upload page takes bodies up to the upload limit (plus the other fields).
            var limit = options.Media.MaxUploadBytes + FormFieldsAllowance;
            pages.Conventions.AddPageRouteModelConvention(UploadPage, page =>
            {
                foreach (var selector in page.Selectors)
                {
                    selector.EndpointMetadata.Add(new RequestSizeLimitAttribute(limit));
                    selector.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
                }
            });
        });
        return services;
    }

    private const long FormFieldsAllowance = 1024 * 1024;

    public static async Task InitializeBackofficeAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EditorAccounts>().EnsureFirstAdministratorAsync();
    }
}
