// A site shaped like an Umbraco 17 site's Program.cs as far as Umbraco.Cms.Core, the part of Umbraco the registry
// serves here, allows: Umbraco's own UmbracoBuilder finds the installed package's composer by scanning the site's
// references, and the site serves the package's static assets, endpoints and view component. What Umbraco's runtime
// would add is stood in for below, and only that.
using System.Security.Claims;
using Course.Umbraco.Content;
using Course.Umbraco.Tests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Web;

var builder = WebApplication.CreateBuilder(args);
using (var loggers = LoggerFactory.Create(_ => { }))
{
    var typeFinder = new TypeFinder(loggers.CreateLogger<TypeFinder>(),
        new DefaultUmbracoAssemblyProvider(typeof(Program).Assembly, loggers), null, null);
    var umbraco = new UmbracoBuilder(builder.Services, builder.Configuration, new TypeLoader(typeFinder, loggers.CreateLogger<TypeLoader>()));
    umbraco.AddComposers();
    umbraco.Build();
}

// Stand-ins for Umbraco's runtime: its content service (three published nodes), no Umbraco context outside its
// router, and the backoffice's "SectionAccessContent" policy on a cookie any caller of /site/sign-in gets.
builder.Services.AddSingleton<ICourseContentSource, SiteContent>();
builder.Services.AddSingleton<IUmbracoContextAccessor, NoUmbracoContext>();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
    cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; });
builder.Services.AddAuthorization(policies => policies.AddPolicy("SectionAccessContent", policy => policy.RequireAuthenticatedUser()));
builder.Services.AddControllers();
builder.Services.AddRazorPages();

// Umbraco.Core's own notification handlers need the runtime's services: only the package's are kept.
foreach (var registration in builder.Services.Where(IsUmbracosOwnHandler).ToList()) builder.Services.Remove(registration);

var app = builder.Build();
// What Umbraco publishes, through its own event aggregator, once it has booted and can serve content.
await app.Services.GetRequiredService<IEventAggregator>().PublishAsync(new UmbracoApplicationStartingNotification(RuntimeLevel.Run, isRestarting: false));

app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets();
app.MapControllers();
app.MapRazorPages();
app.MapPost("/site/sign-in", (HttpContext context) => context.SignInAsync(
    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor")], CookieAuthenticationDefaults.AuthenticationScheme))));
app.Run();

static bool IsUmbracosOwnHandler(ServiceDescriptor registration) =>
    registration.ServiceType.IsGenericType
    && registration.ServiceType.GetGenericTypeDefinition() is var handler
    && (handler == typeof(INotificationHandler<>) || handler == typeof(INotificationAsyncHandler<>))
    && registration.ImplementationType?.Assembly == typeof(IEventAggregator).Assembly;

sealed class SiteContent : ICourseContentSource
{
    private readonly IReadOnlyList<IContent> nodes =
    [
        UmbracoContent.Video("Sciatica myofascial release techniques", "sciatica-myofascial-release", UmbracoContent.SeedDescription),
        UmbracoContent.USyncVideo(Path.Combine(AppContext.BaseDirectory, "Seed", "sciatica-myofascial-release-the-approach-read-aloud.config")),
        UmbracoContent.Technique("Pin and stretch", "Pin the piriformis, then stretch the hip.", """["piriformis"]"""),
    ];

    public Task<IReadOnlyList<IContent>> PublishedAsync(CancellationToken cancellationToken) => Task.FromResult(nodes);

    public Task<IContent?> SavedAsync(Guid key, CancellationToken cancellationToken) => Task.FromResult(nodes.FirstOrDefault(n => n.Key == key));
}

sealed class NoUmbracoContext : IUmbracoContextAccessor
{
    public bool TryGetUmbracoContext(out IUmbracoContext umbracoContext) { umbracoContext = null!; return false; }
    public void Clear() { }
    public void Set(IUmbracoContext umbracoContext) { }
}
