using Course.Data.Servers;
using Course.Data.Storage;
using Course.Data.USync;
using Course.Search.Content;
using Course.Web.Servers;
using Microsoft.AspNetCore.DataProtection;

namespace Course.Web.Composition;

/// <summary>The <c>Course:Server</c> section of configuration: how this node works beside others on one database.</summary>
public sealed class ServerOptions
{
    public const string Section = "Course:Server";

    /// <summary><c>Single</c>, <c>SchedulingPublisher</c> or <c>Subscriber</c>; empty: elected through the scheduling lease.</summary>
    public string Role { get; set; } = "";

    /// <summary>Names the node in the instruction log and the lease; empty: the machine and the site's content root.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>How often the node looks for instructions other nodes wrote.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Further behind than this many instructions, the node cold-boots instead of replaying them.</summary>
    public int MaxBehind { get; set; } = 5000;

    /// <summary>Instructions older than this are pruned by the scheduling node.</summary>
    public double RetentionHours { get; set; } = 48;

    /// <summary>How long a hole in the instruction ids is waited for before it is taken as final (a rolled-back write).</summary>
    public double GapWaitSeconds { get; set; } = 5;

    public ServerSettings ToSettings(string contentRoot)
    {
        ServerRole? role = string.IsNullOrWhiteSpace(Role) ? null
            : Enum.TryParse<ServerRole>(Role, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"{Section}:Role '{Role}' is not a role; use Single, SchedulingPublisher or Subscriber, or leave it empty to elect one.");
        return ServerSettings.Default with
        {
            NodeId = string.IsNullOrWhiteSpace(NodeId) ? ServerSettings.NodeIdFor(contentRoot) : NodeId,
            Role = role,
            MaxBehind = MaxBehind,
            Retention = TimeSpan.FromHours(RetentionHours),
            GapWait = TimeSpan.FromSeconds(GapWaitSeconds),
        };
    }
}

/// <summary>
/// Wires what lets several nodes serve one database (Umbraco's load balancing): this node's settings, the followers of
/// the published cache in the order they run, the poller that applies other nodes' instructions, Data Protection keys
/// in the database, and the readiness report.
/// </summary>
public static class ServerComposition
{
    public static WebApplicationBuilder AddCourseServers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        services.AddSingleton(options);
        services.AddSingleton(options.ToSettings(builder.Environment.ContentRootPath));
        services.AddSingleton<OutputCacheEviction>();
        // What follows the published cache, in this order: search first (pages may link to what it finds), then cached
        // pages, then (on the scheduling node only) the uSync files. Each is contained: one failing does not stop the next.
        services.AddSingleton(sp => new ContentFollowers(
        [
            sp.GetRequiredService<ContentIndexing>(),
            sp.GetRequiredService<OutputCacheEviction>(),
            sp.GetRequiredService<USyncExport>(),
        ]));
        services.AddHostedService<InstructionPoller>();

        // Cookies and antiforgery tokens one node issues are read by the others: the key ring lives in the database.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CourseDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("Course").PersistKeysToDbContext<CourseDbContext>();
        return builder;
    }

    /// <summary>
    /// <c>/healthz/ready</c>: 200 once this node has applied every instruction older than two polls, 503 before (still
    /// starting, or behind); the JSON says where it stands either way.
    /// </summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/ready", Readiness.ReportAsync).ExcludeFromDescription();
        return endpoints;
    }
}
