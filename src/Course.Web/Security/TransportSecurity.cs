using System.Net;
using Course.Web.Composition;
using Microsoft.AspNetCore.HttpOverrides;

namespace Course.Web.Security;

/// <summary>
/// Who the client is and how it reached the site: forwarded headers believed only from configured proxies,
/// HSTS and the HTTPS redirect when the site is served over TLS, <c>Secure</c> on every cookie sent over
/// HTTPS, and no <c>Server</c> header.
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder, CourseOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var proxies = TrustedProxies.From(options.ForwardedHeaders);
        // Post-configured, so ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (which trusts every sender) cannot widen it.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(proxies.Apply);
        builder.Services.AddSingleton(proxies);
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(options.Https.HstsMaxAgeDays));
        builder.Services.AddHttpsRedirection(redirect => redirect.HttpsPort = options.Https.Port);
        builder.Services.Configure<CookiePolicyOptions>(cookies => cookies.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme as the trusted proxy gave them.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app, CourseOptions.HttpsOptions https)
    {
        if (app.Services.GetRequiredService<TrustedProxies>().Any) app.UseForwardedHeaders();
        // Only on HTTPS answers, and never for localhost (a browser would keep to HTTPS for every local port).
        if (https.HstsMaxAgeDays > 0) app.UseHsts();
        if (https.Redirect) app.UseHttpsRedirection();
        app.UseCookiePolicy();
        return app;
    }
}

/// <summary>The proxies of <c>Course:ForwardedHeaders</c>, parsed at start so a typo stops the site instead of trusting nobody silently.</summary>
public sealed class TrustedProxies(IReadOnlyList<IPAddress> proxies, IReadOnlyList<System.Net.IPNetwork> networks)
{
    public bool Any => proxies.Count > 0 || networks.Count > 0;

    public static TrustedProxies From(CourseOptions.ForwardedHeadersSettings settings)
    {
        var proxies = settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p =>
            IPAddress.TryParse(p.Trim(), out var address) ? address
                : throw new InvalidOperationException($"Course:ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n =>
            System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network
                : throw new InvalidOperationException($"Course:ForwardedHeaders:KnownNetworks: '{n}' is not a network such as 10.0.0.0/24.")).ToList();
        return new TrustedProxies(proxies, networks);
    }

    public void Apply(ForwardedHeadersOptions forwarded)
    {
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        // With both lists empty the middleware would believe anyone: without configured proxies it reads nothing.
        forwarded.ForwardedHeaders = Any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        foreach (var proxy in proxies) forwarded.KnownProxies.Add(proxy);
        foreach (var network in networks) forwarded.KnownIPNetworks.Add(network);
    }
}
