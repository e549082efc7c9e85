using Course.Core.Notifications;
using Course.Data.Content;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Course.Data.Tests.USync;

namespace Course.Data.Tests.Content;

/// <summary>The data layer on a real, migrated database (an SQLite file in a temporary folder unless told), recording its notifications.</summary>
public sealed class ContentStore(DatabaseProvider? provider = null) : IAsyncLifetime, INotificationPublisher
{
    private readonly string folder = Directory.CreateTempSubdirectory("course-data-").FullName;
    private ServiceProvider services = null!;

    public List<ContentChangedNotification> Notifications { get; } = [];
    public VideoService Videos => services.GetRequiredService<VideoService>();
    public TechniqueService Techniques => services.GetRequiredService<TechniqueService>();
    public PublishedContentCache Cache => services.GetRequiredService<PublishedContentCache>();
    public IDbContextFactory<CourseDbContext> Databases => services.GetRequiredService<IDbContextFactory<CourseDbContext>>();

    public async Task InitializeAsync()
    {
        provider ??= new DatabaseProvider(DatabaseProvider.Sqlite, DatabaseProvider.ForSqliteFile(Path.Combine(folder, "course.db")));
        services = new ServiceCollection()
            .AddLogging()
            .AddCourseData(provider, Repository.USyncFolder)
            .AddSingleton<INotificationPublisher>(this)
            .BuildServiceProvider();
        await services.GetRequiredService<CourseDatabase>().InitializeAsync();
    }

    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        if (notification is ContentChangedNotification changed)
        {
            Notifications.Add(changed);
            await Cache.HandleAsync(changed, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
