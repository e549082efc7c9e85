using Course.Core.Notifications;
using Course.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Course.Data.Storage;

public static class CourseDataServices
{
    /// <summary>Registers the database for <paramref name="provider"/>, the published cache and the seeding.</summary>
    public static IServiceCollection AddCourseData(this IServiceCollection services, DatabaseProvider provider, string uSyncFolder)
    {
        if (provider.IsSqlite)
        {
            services.AddDbContextFactory<SqliteCourseDbContext>(provider.Configure);
            services.AddSingleton<IDbContextFactory<CourseDbContext>, ProviderContextFactory<SqliteCourseDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqlServerCourseDbContext>(provider.Configure);
            services.AddSingleton<IDbContextFactory<CourseDbContext>, ProviderContextFactory<SqlServerCourseDbContext>>();
        }
        services.AddSingleton(provider);
        services.AddSingleton(new USync.USyncFolder(uSyncFolder));
        services.AddSingleton<PublishedContentCache>();
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<PublishedContentCache>());
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<VideoService>();
        services.AddSingleton<IndexedContentStamp>();
        services.AddSingleton<TechniqueService>();
        // Needs a CommentModeration, which the host registers from its configuration.
        services.AddSingleton<CommentService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICurrentEditor, SiteProcessEditor>();
        services.AddSingleton<CourseDatabase>();
        services.AddSingleton<USync.USyncExport>();
        services.AddSingleton<USync.USyncImport>();
        return services;
    }

    /// <summary>
    /// Writes each changed node's uSync file. A notification handler: register it after the published
    /// cache and before handlers that must run last.
    /// </summary>
    public static IServiceCollection AddUSyncExportOnSave(this IServiceCollection services) =>
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<USync.USyncExport>());
}
