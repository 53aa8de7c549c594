using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Infrastructure.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddPortalInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Tests run the app from its build output: serve wwwroot through the static web assets manifest.
        if (builder.Environment.IsEnvironment("Testing"))
            builder.WebHost.UseStaticWebAssets();
        services.AddOptions<OpenDataOptions>().Bind(builder.Configuration.GetSection(OpenDataOptions.Section))
            .PostConfigure(o => o.DataDir = OpenDataOptions.ResolveDataDir(builder.Configuration, builder.Environment.ContentRootPath));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddSingleton<NavRegistry>();
        // Emit Chinese as characters, not &#x..; entities: smaller pages, still fully encoded for HTML.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "odp.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Keys live in the catalog database so every node shares them (ADR 0004), encrypted with a certificate
        // kept outside it (ADR 0130), so that a copy of the database alone decrypts nothing.
        services.AddDataProtection().SetApplicationName("OpenData.Lishui").PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithPortalCertificate(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddForwardedHeaders(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // Pages are compressed as they are written (static assets come precompressed from the build): the home
        // page's 34 KB of HTML is ~7 KB, which the repeat-visit budget needs (docs/performance.md). HTML only:
        // JSON APIs and downloads stay as they were. Not over HTTPS (the default): there a TLS proxy compresses.
        services.AddResponseCompression(o =>
        {
            o.MimeTypes = ["text/html"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        // After the re-executing middleware, so a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CookieCsrfGuard>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                return ctx.Response.WriteAsync($$"""{"status":"{{report.Status}}"}""");
            },
        }).AllowAnonymous();
        return app;
    }
}
