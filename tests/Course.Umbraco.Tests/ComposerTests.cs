using System.Text.Json;
using Course.Umbraco.Chapters;
using Course.Umbraco.Routing;
using Course.Umbraco.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PropertyEditors;

namespace Course.Umbraco.Tests;

/// <summary>The composer on Umbraco's real <see cref="UmbracoBuilder"/>, found by Umbraco's own type scan.</summary>
public sealed class ComposerTests
{
    [Fact]
    public void Umbraco_finds_the_composer_and_it_registers_every_part()
    {
        var services = new ServiceCollection();
        ILoggerFactory loggers = NullLoggerFactory.Instance;
        var typeFinder = new TypeFinder(loggers.CreateLogger<TypeFinder>(),
            new DefaultUmbracoAssemblyProvider(typeof(CourseComposer).Assembly, loggers), null, null);
        var typeLoader = new TypeLoader(typeFinder, loggers.CreateLogger<TypeLoader>(), [typeof(CourseComposer).Assembly, typeof(IComposer).Assembly]);
        var builder = new UmbracoBuilder(services, new ConfigurationBuilder().Build(), typeLoader);

        builder.AddComposers();

        Assert.Equal(typeof(ChapterContentFinder), builder.ContentFinders().GetTypes().First());
        Assert.Contains(typeof(CourseChaptersDataEditor), builder.DataEditors().GetTypes());
        Assert.Contains(typeof(CourseChaptersValueConverter), builder.PropertyValueConverters().GetTypes());
        foreach (var handled in new[]
                 {
                     typeof(INotificationAsyncHandler<ContentPublishedNotification>), typeof(INotificationAsyncHandler<ContentUnpublishedNotification>),
                     typeof(INotificationAsyncHandler<ContentDeletedNotification>), typeof(INotificationAsyncHandler<ContentMovedToRecycleBinNotification>),
                 })
            Assert.Contains(services, s => s.ServiceType == handled && s.ImplementationType == typeof(CourseContentNotifications));
        Assert.Contains(services, s => s.ServiceType == typeof(INotificationAsyncHandler<UmbracoApplicationStartingNotification>)
                                       && s.ImplementationType == typeof(CourseStartupHandler));
        Assert.Contains(services, s => s.ServiceType == typeof(ICourseSearchIndex));
        builder.Build();
    }

    [Fact]
    public void The_manifest_names_the_data_editor_alias_as_its_schema()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Course.Umbraco", "wwwroot", "App_Plugins", "Course.Umbraco", "umbraco-package.json")));
        var editor = manifest.RootElement.GetProperty("extensions").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "propertyEditorUi");
        var attribute = (DataEditorAttribute)Attribute.GetCustomAttribute(typeof(CourseChaptersDataEditor), typeof(DataEditorAttribute))!;

        Assert.Equal(attribute.Alias, editor.GetProperty("meta").GetProperty("propertyEditorSchemaAlias").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("type").GetString() == "dashboard");
    }
}

public static class Repository
{
    /// <summary>The repository's root: the folder holding Course.sln, above the test's output folder.</summary>
    public static readonly string Root = Find(AppContext.BaseDirectory);

    private static string Find(string folder) =>
        File.Exists(Path.Combine(folder, "Course.sln")) ? folder : Find(Path.GetDirectoryName(folder.TrimEnd('/')) ?? throw new DirectoryNotFoundException("Course.sln"));
}
