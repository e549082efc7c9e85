using Course.Data.Servers;
using Course.Data.Storage;
using Course.Web.Api;
using Course.Web.Api.Delivery;
using Course.Web.Api.Manage;
using Course.Web.Media;
using Course.Web.Security;
using Course.Web.Servers;
using Course.Web.Site;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Course.Web.Composition;

/// <summary>Wires the site together: the one place that knows every layer, as Umbraco's composers do.</summary>
public static class CourseComposition
{
    public static WebApplicationBuilder AddCourse(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(CourseOptions.Section).Get<CourseOptions>() ?? new CourseOptions();
        services.Configure<CourseOptions>(builder.Configuration.GetSection(CourseOptions.Section));

        builder.AddTransportSecurity(options);

        var contentRoot = builder.Environment.ContentRootPath;
        // The node's settings first: the data layer takes them.
        builder.AddCourseServers();
        services.AddCourseData(DatabaseProvider.FromConfiguration(builder.Configuration, contentRoot), options.USync.Resolve(contentRoot));
        builder.AddCourseSearch();
        services.AddCourseComments(options.Comments);
        services.AddPostingRateLimits(options.Comments.PermitsPerMinute);

        services.AddBackoffice(options);
        services.AddSingleton<VideoPictures>();
        builder.AddSiteBasics(options);

        services.AddRazorPages(pages =>
        {
            pages.Conventions.AddPageRoute("/Video", "/videos/{slug}/chapters/{chapterSlug}");
        });
        services.AddOutputCache(cache =>
        {
            cache.AddBasePolicy(policy => policy.NoCache());
            cache.AddPolicy(CachePolicies.Content, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("t", "end", "loop")
                .FollowsContent());
        });
        services.AddProblemDetails();
        // Binding failures throw, so UnreadableBodyHandler can name the field at fault.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableBodyHandler>();
        services.AddApiDocument();
        services.AddDeliveryApi();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        return builder;
    }

    public static WebApplication UseCourse(this WebApplication app)
    {
        app.UseTransportSecurity(app.Services.GetRequiredService<IOptions<CourseOptions>>().Value.Https);
        app.UseSiteBasics();
        app.UseExceptionHandler();
        // JSON clients get problem details for bare error statuses; people get the HTML not-found page.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseStaticFiles(SiteBasics.CachingStaticFiles());
        app.UseMediaFolder();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();

        // Liveness only: no checks run, so it stays the trivial ceiling pages are measured against.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapReadiness();
        app.MapOpenApi();
        app.MapVideoApi();
        app.MapChaptersTrack();
        app.MapCaptionTracks();
        app.MapCommentApi();
        app.MapManageApi().MapManageComments();
        app.MapCourseSearch();
        app.MapSiteMap();
        app.UseDeliveryApi();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || DeliveryComposition.IsDeliveryApi(context);

    public static async Task InitializeCourseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<CourseDatabase>().InitializeAsync(app.Lifetime.ApplicationStopping);
        await app.InitializeBackofficeAsync();
        // The role first: a lone node with no role configured wins the lease and writes uSync files from its first save.
        await app.Services.GetRequiredService<ServerRoles>().ElectAsync(app.Lifetime.ApplicationStopping);
        // A cold boot through the refresh pipeline: the published cache is built, the index compared with the database item by item.
        await app.Services.GetRequiredService<ContentRefresher>().StartAsync(
            app.Services.GetRequiredService<ContentFollowers>(), app.Lifetime.ApplicationStopping);
        app.LogIndexStart();
    }

    /// <summary>
    /// Before serving, on the node that writes uSync: rewrites the content files a stop between a save and its
    /// file left behind (logged one by one). Not run by commands, so <c>usync-check</c> sees the folder as it is.
    /// </summary>
    public static async Task ReconcileUSyncAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<ServerRoles>().IsScheduling) return;
        await app.Services.GetRequiredService<Data.USync.USyncExport>().ReconcileAsync(cancellationToken: app.Lifetime.ApplicationStopping);
    }
}

public static class CachePolicies
{
    /// <summary>Published pages and JSON: cached until content changes.</summary>
    public const string Content = "content";
}
