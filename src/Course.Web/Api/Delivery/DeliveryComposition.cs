using System.Security.Cryptography;
using System.Text;
using Course.Web.Composition;
using Course.Web.Servers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Course.Web.Api.Delivery;

/// <summary><c>Course:DeliveryApi</c>: the keys of Umbraco's <c>Umbraco:CMS:DeliveryApi</c> that Course has a use for.</summary>
public sealed class DeliveryApiOptions
{
    /// <summary>Serve the Delivery API (on by default, unlike Umbraco's opt-in, since Course has nothing to configure first).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Published content readable without a key; when off, every request needs <c>Api-Key</c>.</summary>
    public bool PublicAccess { get; set; } = true;

    /// <summary>The key of the <c>Api-Key</c> header: drafts (<c>Preview: true</c>) need it; no previews while it is empty.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Whether the request carries the configured key (compared in constant time).</summary>
    public bool HasValidKey(HttpRequest request) =>
        ApiKey.Length > 0 && request.Headers[DeliveryHeaders.ApiKey] is [{ } sent]
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(ApiKey));
}

/// <summary>Umbraco's access rule: a preview needs the key; other requests need it only when public access is off. 401 otherwise.</summary>
internal sealed class DeliveryAccessFilter(IOptions<CourseOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var settings = options.Value.DeliveryApi;
        // Answers differ by these headers; shared caches must not mix them up.
        context.HttpContext.Response.Headers.Vary = "Accept-Language, Preview, Start-Item";
        var preview = DeliveryHeaders.IsPreview(request);
        if (preview ? settings.HasValidKey(request) : settings.PublicAccess || settings.HasValidKey(request)) return await next(context);
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: preview ? "Previewing drafts needs the Api-Key header with the configured key." : "This Delivery API needs the Api-Key header.");
    }
}

/// <summary>
/// Published answers are output-cached under the content tag, so they are dropped with the rest of the
/// site's cached content on every change; they vary by the query string and the headers that change
/// them. Previews are never cached.
/// </summary>
internal static class DeliveryCache
{
    public const string Policy = "delivery";

    public static void Add(OutputCacheOptions cache) => cache.AddPolicy(Policy, policy => policy
        .With(context => !DeliveryHeaders.IsPreview(context.HttpContext.Request))
        .Expire(TimeSpan.FromMinutes(10))
        // The whole query string as sent, since the order of repeated sort and id values matters. Varying by query
        // keys (the default, "*") sorts the request's own repeated values in place while building the cache key,
        // so the handler would read them reordered.
        .AddPolicy<NoQueryKeys>()
        .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? ""))
        .SetVaryByHeader(DeliveryHeaders.ApiKey, "Preview", "Start-Item", "Accept-Language", "Accept-Segment")
        .FollowsContent());

    private sealed class NoQueryKeys : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.CacheVaryByRules.QueryKeys = StringValues.Empty;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}

public static class DeliveryComposition
{
    public static IServiceCollection AddDeliveryApi(this IServiceCollection services)
    {
        services.AddSingleton<DeliverySource>();
        services.AddOutputCache(DeliveryCache.Add);
        services.AddOpenApi(DeliveryApi.DocumentName, DeliveryOpenApi.Configure);
        return services;
    }

    /// <summary>The routes when <c>Course:DeliveryApi:Enabled</c>; its OpenAPI document at Umbraco's address.</summary>
    public static WebApplication UseDeliveryApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<CourseOptions>>().Value.DeliveryApi.Enabled) return app;
        app.MapOpenApi($"/umbraco/swagger/{{documentName:regex(^{DeliveryApi.DocumentName}$)}}/swagger.json");
        app.MapDeliveryApi();
        return app;
    }

    /// <summary>Whether a request is for the Delivery API, whose errors are problem details rather than pages.</summary>
    public static bool IsDeliveryApi(HttpContext context) => context.Request.Path.StartsWithSegments("/umbraco/delivery/api");
}
