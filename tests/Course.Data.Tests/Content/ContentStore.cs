using Course.Core.Notifications;
using Course.Data.Content;
using Course.Data.Servers;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Course.Data.Tests.USync;

namespace Course.Data.Tests.Content;

/// <summary>
/// The data layer on a real, migrated database (an SQLite file in a temporary folder unless told), with its real
/// refresher, recording every change that reaches the cache's followers (it is the first follower; a test may add more).
/// </summary>
public sealed class ContentStore(DatabaseProvider? provider = null, IReadOnlyList<IContentFollower>? followers = null, ServerSettings? settings = null)
    : IAsyncLifetime, IContentFollower
{
    private readonly string folder = Directory.CreateTempSubdirectory("course-data-").FullName;
    private ServiceProvider services = null!;
    private bool started;

    /// <summary>The changes followers were told about since start, in order.</summary>
    public List<ContentChangedNotification> Notifications { get; } = [];
    public VideoService Videos => services.GetRequiredService<VideoService>();
    public TechniqueService Techniques => services.GetRequiredService<TechniqueService>();
    public PublishedContentCache Cache => services.GetRequiredService<PublishedContentCache>();
    public InstructionLog Instructions => services.GetRequiredService<InstructionLog>();
    public ContentRefresher Refresher => services.GetRequiredService<ContentRefresher>();
    public IDbContextFactory<CourseDbContext> Databases => services.GetRequiredService<IDbContextFactory<CourseDbContext>>();

    public async Task InitializeAsync()
    {
        provider ??= new DatabaseProvider(DatabaseProvider.Sqlite, DatabaseProvider.ForSqliteFile(Path.Combine(folder, "course.db")));
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(settings ?? ServerSettings.Default)
            .AddCourseData(provider, Repository.USyncFolder)
            .BuildServiceProvider();
        await services.GetRequiredService<CourseDatabase>().InitializeAsync();
        await services.GetRequiredService<ContentRefresher>().StartAsync(new ContentFollowers([this, .. followers ?? []]));
        started = true;
    }

    string IContentFollower.Name => "recorder";

    Task IContentFollower.FollowAsync(PublishedContentChanged changed, CancellationToken cancellationToken)
    {
        if (started) Notifications.AddRange(changed.Changes);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
