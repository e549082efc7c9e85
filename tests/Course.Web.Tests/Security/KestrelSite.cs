using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Course.Web.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Web.Tests.Security;

/// <summary>
/// The site on Kestrel on 127.0.0.1, spoken to over real sockets: a client's address is its real one,
/// and with <see cref="Https"/> it also answers over TLS with a self-signed certificate made here.
/// </summary>
public sealed class KestrelSite : IDisposable
{
    public const string ApiKey = "kestrel-site-key";
    public const string Email = "kestrel-editor@example.com";
    public const string Password = "Kestrel-editor-pass-1";

    public CourseSite Site { get; } = new();
    public Uri Http { get; private set; } = null!;
    public Uri? Https { get; private set; }

    public KestrelSite(Action<Dictionary<string, string?>> settings, bool https = false, Action<IServiceCollection>? configure = null)
    {
        if (configure is not null) Site.TestServices = configure;
        Site.Settings["Course:ManagementApiKey"] = ApiKey;
        Site.Settings["Course:Admin:Email"] = Email;
        Site.Settings["Course:Admin:Password"] = Password;
        settings(Site.Settings);
        var certificate = https ? SelfSignedCertificate() : null;
        Site.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            if (certificate is not null) kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        Site.StartServer();
        var addresses = Site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Http = new Uri(addresses.Single(a => a.StartsWith("http:")));
        Https = addresses.SingleOrDefault(a => a.StartsWith("https:")) is { } secure ? new Uri(secure) : null;
    }

    /// <summary>A client that keeps cookies, follows no redirects and accepts the test certificate.</summary>
    public HttpClient Client(Uri? address = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    { BaseAddress = address ?? Http };

    public void Dispose() => Site.Dispose();

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=course.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("course.test");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

/// <summary>What <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> does to a host (the README used to advise it): trust every sender's forwarded headers.</summary>
internal sealed class ForwardedHeadersEnabledAsTheEnvironmentVariableDoes : IStartupFilter
{
    public static void AddTo(IServiceCollection services)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        services.AddTransient<IStartupFilter, ForwardedHeadersEnabledAsTheEnvironmentVariableDoes>();
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        next(app);
    };
}
