using Course.Data.Content;
using Course.Data.Servers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Course.Data.Storage;

public static class CourseDataServices
{
    /// <summary>
    /// Registers the database for <paramref name="provider"/>, the content services, the published cache, the instruction
    /// log and refresher, and the seeding. The host may register its own <see cref="ServerSettings"/> first, and starts the
    /// refresher with the cache's followers (<see cref="ContentRefresher.StartAsync"/>).
    /// </summary>
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
        services.TryAddSingleton(ServerSettings.Default);
        services.AddSingleton<InstructionLog>();
        services.AddSingleton<ServerRoles>();
        services.AddSingleton<PublishedContentCache>();
        services.AddSingleton<ContentRefresher>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<ContentWriting>();
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<VideoService>();
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
}
