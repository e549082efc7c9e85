using Course.Data.Content;
using Course.Search.Analysis;
using Course.Search.Content;
using Course.Search.Indexing;
using Course.Search.Querying;
using Course.Web.Api;
using Course.Web.Comments;
using Course.Web.Servers;

namespace Course.Web.Composition;

/// <summary>The <c>Course:Search</c> section of configuration.</summary>
public sealed class SearchOptions
{
    public const string Section = "Course:Search";

    /// <summary>The index folder, relative to the content root; it belongs to the index (a rebuild empties it).</summary>
    public string IndexFolder { get; set; } = "App_Data/Index";

    /// <summary>The anatomy synonym list editors extend, relative to the content root; read at start.</summary>
    public string SynonymsFile { get; set; } = "search-synonyms.txt";

    /// <summary>How long search answers stay in the output cache (content changes evict them at once); 0 turns it off.</summary>
    public int CacheSeconds { get; set; } = 600;

    /// <summary>
    /// How long the index waits after a change for the next before it commits them to its folder. Changes are searchable
    /// at once either way, and a start indexes again whatever a crash kept from the folder.
    /// </summary>
    public double CommitDelaySeconds { get; set; } = CourseIndex.DefaultCommitDelay.TotalSeconds;
}

/// <summary>Wires search: the index and its populators, the index's follower of the published cache, the search and technique routes.</summary>
public static class SearchComposition
{
    public static WebApplicationBuilder AddCourseSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        var folder = Path.GetFullPath(options.IndexFolder, contentRoot);
        var synonymsFile = Path.GetFullPath(options.SynonymsFile, contentRoot);

        services.AddSingleton(sp => ReadSynonyms(synonymsFile, sp.GetRequiredService<ILogger<CourseSearcher>>()));
        services.AddSingleton<IIndexPopulator>(sp =>
        {
            var cache = sp.GetRequiredService<PublishedContentCache>();
            return new PublishedContentPopulator(() => cache.Current);
        });
        services.AddSingleton<IIndexPopulator>(sp =>
        {
            var cache = sp.GetRequiredService<PublishedContentCache>();
            return new TranscriptPopulator(() => cache.Current);
        });
        services.AddSingleton<IIndexPopulator, CommentPopulator>();
        if (options.CommitDelaySeconds is < 0 or > 3600 || double.IsNaN(options.CommitDelaySeconds))
            throw new InvalidOperationException($"{SearchOptions.Section}:CommitDelaySeconds must be between 0 and 3600 seconds, not {options.CommitDelaySeconds}.");
        services.AddSingleton(_ => CourseIndex.Open(folder, CourseIndexSchema.Definition, TimeSpan.FromSeconds(options.CommitDelaySeconds)));
        services.AddSingleton<CourseSearcher>();
        // Follows the published cache (its populator reads the rebuilt content): see ServerComposition for the order.
        services.AddSingleton<ContentIndexing>();

        services.AddOutputCache(cache =>
        {
            cache.AddPolicy(SearchCachePolicies.Search, policy =>
            {
                if (options.CacheSeconds <= 0)
                {
                    policy.NoCache();
                    return;
                }
                policy.Expire(TimeSpan.FromSeconds(options.CacheSeconds))
                    .SetVaryByQuery("q", "type", "muscle", "region", "page", "pageSize")
                    .FollowsContent();
            });
            cache.AddPolicy(SearchCachePolicies.Techniques, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("muscle", "region")
                .FollowsContent());
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCourseSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSearchApi();
        endpoints.MapTechniqueApi();
        return endpoints;
    }

    /// <summary>Logs how the index came up at start: reused and compared item by item with the database, or rebuilt and why.</summary>
    public static void LogIndexStart(this WebApplication app)
    {
        var index = app.Services.GetRequiredService<CourseIndex>();
        var logger = app.Services.GetRequiredService<ILogger<CourseIndex>>();
        var found = app.Services.GetRequiredService<ContentIndexing>().LastReconciliation;
        if (index.Opening.RebuildReason is { } reason)
            logger.LogInformation("Search index rebuilt ({Reason}): {Count} documents in {Ms:0} ms", reason, index.Opening.Documents, index.Opening.Took.TotalMilliseconds);
        else if (found is not null)
            logger.LogInformation("Search index reused: {Count} documents, {Indexed} missing or stale indexed, {Removed} removed", found.Documents, found.Indexed, found.Removed);
    }

    private static SynonymList ReadSynonyms(string file, ILogger logger)
    {
        if (!File.Exists(file))
        {
            logger.LogWarning("No synonym list at {File}: searches use the words as typed", file);
            return SynonymList.Empty;
        }
        using var analyzer = new SearchAnalyzer();
        var synonyms = SynonymList.Parse(File.ReadLines(file), analyzer, CourseIndexSchema.Title);
        foreach (var problem in synonyms.Problems) logger.LogWarning("Synonym list {File} skipped {Problem}", file, problem);
        return synonyms;
    }
}

public static class SearchCachePolicies
{
    /// <summary>Search pages and answers, varied by every search parameter.</summary>
    public const string Search = "search";

    /// <summary>The techniques list, varied by its muscle and region filters.</summary>
    public const string Techniques = "techniques";
}
