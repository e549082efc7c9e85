using System.Reflection;
using Course.Rendering;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Umbraco.Chapters;
using Course.Umbraco.Comments;
using Course.Umbraco.Content;
using Course.Umbraco.Routing;
using Course.Umbraco.Search;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;

namespace Course.Umbraco;

/// <summary>
/// Everything the package adds to an Umbraco site, found by Umbraco's type scan: the chapters data editor and value
/// converter, the chapter content finder (first), the content notification handlers keeping search, the start-up
/// work, the endpoints and view components. Options come from the <c>Course</c> section of configuration.
/// </summary>
public sealed class CourseComposer : IComposer
{
    public const string SynonymsResource = "Course.Umbraco.search-synonyms.txt";

    public void Compose(IUmbracoBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CourseUmbracoOptions>(builder.Config.GetSection(CourseUmbracoOptions.Section));

        builder.DataEditors().Add<CourseChaptersDataEditor>();
        builder.PropertyValueConverters().Append<CourseChaptersValueConverter>();
        // First: Umbraco's URL finder would answer /…/chapters/{slug} with nothing found.
        builder.ContentFinders().Insert<ChapterContentFinder>();

        builder.AddNotificationAsyncHandler<ContentPublishedNotification, CourseContentNotifications>();
        builder.AddNotificationAsyncHandler<ContentUnpublishedNotification, CourseContentNotifications>();
        builder.AddNotificationAsyncHandler<ContentDeletedNotification, CourseContentNotifications>();
        builder.AddNotificationAsyncHandler<ContentMovedToRecycleBinNotification, CourseContentNotifications>();
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartingNotification, CourseStartupHandler>();

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublishedCourse>();
        services.AddSingleton<ICourseContentSource, UmbracoContentSource>();
        services.AddSingleton<ICourseSearchIndex>(sp => OpenSearchIndex(sp, builder.Config));
        services.AddSingleton(sp => new CommentDatabase(
            builder.Config.GetConnectionString("umbracoDbDSN") ?? "",
            builder.Config.GetConnectionString("umbracoDbDSN_ProviderName"),
            DataDirectory(sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<CommentStore>();
        services.AddSingleton<CommentHtml>();
        services.AddSingleton(sp => new CommentPostLimiter(sp.GetRequiredService<IOptions<CourseUmbracoOptions>>().Value.Comments.PermitsPerMinute));
        services.AddSingleton<CourseStartup>();

        AddApplicationPart(services, typeof(CourseComposer).Assembly);
    }

    private static LuceneCourseSearchIndex OpenSearchIndex(IServiceProvider services, IConfiguration configuration)
    {
        var options = services.GetRequiredService<IOptions<CourseUmbracoOptions>>().Value.Search;
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var logger = services.GetRequiredService<ILogger<CourseComposer>>();
        return new LuceneCourseSearchIndex(
            Path.GetFullPath(options.IndexFolder, contentRoot),
            ReadSynonyms(options.SynonymsFile is { Length: > 0 } file ? Path.GetFullPath(file, contentRoot) : null, logger),
            services.GetRequiredService<PublishedCourse>());
    }

    /// <summary>The site's own list when configured, else the Course site's list, shipped inside the package.</summary>
    private static SynonymList ReadSynonyms(string? file, ILogger logger)
    {
        IEnumerable<string> lines;
        if (file is null)
        {
            using var stream = typeof(CourseComposer).Assembly.GetManifestResourceStream(SynonymsResource)!;
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n');
        }
        else lines = File.ReadLines(file).ToList();
        using var analyzer = new SearchAnalyzer();
        var synonyms = SynonymList.Parse(lines, analyzer, CourseIndexSchema.Title);
        foreach (var problem in synonyms.Problems) logger.LogWarning("Course synonym list skipped {Problem}", problem);
        return synonyms;
    }

    /// <summary>Where Umbraco keeps its SQLite file: what <c>|DataDirectory|</c> in its connection string means.</summary>
    private static string DataDirectory(IHostEnvironment environment) =>
        AppDomain.CurrentDomain.GetData("DataDirectory") as string ?? Path.Combine(environment.ContentRootPath, "umbraco", "Data");

    /// <summary>
    /// The package's controllers, view components and compiled views, added once: MVC may already have found the
    /// assembly among the site's references, and a second part would register every route twice.
    /// </summary>
    private static void AddApplicationPart(IServiceCollection services, Assembly assembly) =>
        services.AddMvcCore().ConfigureApplicationPartManager(manager =>
        {
            var factory = ApplicationPartFactory.GetApplicationPartFactory(assembly);
            foreach (var part in factory.GetApplicationParts(assembly))
            {
                if (!manager.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name)) manager.ApplicationParts.Add(part);
            }
        });
}
