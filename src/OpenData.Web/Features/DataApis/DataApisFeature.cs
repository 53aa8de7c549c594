using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Applications;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.DataApis.Gateway;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis;

public static class DataApisFeature
{
    public static WebApplicationBuilder AddDataApis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataApisOptions>().Bind(builder.Configuration.GetSection(DataApisOptions.Section))
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxClockSkew > TimeSpan.Zero
                && o.NonceLifetime >= o.MaxClockSkew * 2 && o.UpstreamTimeout > TimeSpan.Zero, "DataApis limits must be positive; NonceLifetime at least twice MaxClockSkew.")
            .ValidateOnStart();
        services.AddOpenApi("v1");
        services.AddSingleton<AppSecrets>();
        services.AddScoped<AppCommands>();
        services.AddScoped<Infrastructure.Data.IDemoSeeder, Demo.ApiDemoSeeder>();
        services.AddScoped<ApiCatalog>();
        services.AddScoped<ApiDetails>();
        services.AddScoped<IInteractionItemResolver, ApiItemResolver>();
        services.AddScoped<Services.UpstreamAllowList>();
        services.AddScoped<Services.ServiceApiCommands>();
        services.AddSingleton<Services.UpstreamForwarder>();
        services.AddScoped<ApplicationCommands>();
        AddNonceStore(builder);
        services.AddScoped<DailyQuota>();
        services.AddSingleton<QuotaLeases>();
        services.AddScoped<ApiLimits>();
        services.AddSingleton<GatewayCache>();
        services.AddSingleton<QueryGate>();
        services.AddSingleton<AppRateLimiter>();
        services.AddSingleton<CallLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CallLogWriter>());
        services.AddScoped<IReviewQueue, ApiApplicationQueue>();
        services.AddScoped<IPlatformCounter, ApiCounter>();
        services.AddSingleton(new NavItem("接口服务", "/apis", 20));
        services.AddSingleton(new AdminMenuItem("接口上游白名单", "/admin/api-upstreams", "shield-check", Policies.Admin, 60));
        services.AddSingleton(new AdminMenuItem("接口申请审核", "/admin/api-applications", "plug", Policies.Reviewer, 110));
        return builder;
    }

    /// <summary>DataApis:NonceStore = Database (default) or Redis (needs ConnectionStrings:Redis); see ADR 0050.</summary>
    private static void AddNonceStore(WebApplicationBuilder builder)
    {
        var kind = builder.Configuration.GetSection(DataApisOptions.Section).GetValue(nameof(DataApisOptions.NonceStore), NonceStoreKind.Database);
        if (kind == NonceStoreKind.Redis)
        {
            var cs = builder.Configuration.GetConnectionString("Redis");
            if (string.IsNullOrWhiteSpace(cs)) throw new InvalidOperationException("DataApis:NonceStore is Redis but ConnectionStrings:Redis is empty.");
            builder.Services.AddSingleton(_ => RedisNonceStore.Connect(cs));
            builder.Services.AddSingleton<INonceStore, RedisNonceStore>();
            return;
        }
        builder.Services.AddSingleton<INonceBatchWriter>(sp => sp.GetRequiredService<DatabaseProviderInfo>() is var db && db.Provider == DatabaseProvider.Postgres
            ? new PostgresNonceWriter(sp.GetRequiredService<NpgsqlDataSource>()) : new SqliteNonceWriter(db.ConnectionString, sp.GetRequiredService<SqliteWriteTurn>()));
        builder.Services.AddSingleton<INonceStore, BatchedNonceStore>();
        builder.Services.AddHostedService<NonceCleanup>();
    }

    public static WebApplication MapDataApis(this WebApplication app)
    {
        app.MapDataApiEndpoints();
        app.MapDataApiPlatformEndpoints();
        Services.ServiceEndpoints.MapServiceApiEndpoints(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi/apis/{code}.json", async (string code, ApiDetails details, HttpContext ctx, CancellationToken ct) =>
                await details.GetAsync(code, ct) is { } d
                    ? Results.Json(ApiOpenApi.Document(d, $"{ctx.Request.Scheme}://{ctx.Request.Host}"))
                    : ProblemDefaults.Problem(404, "not_found", "接口不存在。"))
            .ExcludeFromDescription();
        app.MapApiReference();
        return app;
    }
}

/// <summary>Pending API applications, for the admin dashboard.</summary>
public sealed class ApiApplicationQueue(PortalDbContext db) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var pending = db.ApiApplications.Where(a => a.Status == ApiApplicationStatus.Pending);
        var count = user.IsInRole(Roles.Reviewer) ? await pending.CountAsync(ct) : 0;
        var oldest = count > 0 ? await pending.OrderBy(a => a.CreatedAt).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct) : null;
        return new ReviewQueueStatus("api-applications", "接口申请", "/admin/api-applications", count, oldest, 20);
    }
}

/// <summary>Published APIs, for the home page figures.</summary>
public sealed class ApiCounter(ApiCatalog catalog) : IPlatformCounter
{
    public string Label => "接口";
    public string Unit => "个";
    public string? Href => "/apis";
    public int Order => 20;
    public Task<int> CountAsync(CancellationToken ct) => catalog.CountAsync(ct);
}
