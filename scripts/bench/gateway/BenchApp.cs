using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.DataApis.Applications;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Infrastructure.Auth;

namespace GatewayBench;

/// <summary>The real app on Kestrel (a loopback port) over a fresh database with the demo catalog loaded.</summary>
public sealed class BenchFactory(string provider, string connection, string dataDir) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:OpenData", connection);
        builder.UseSetting("OpenData:DataDir", dataDir);
        builder.UseSetting("OpenData:SeedDemo", "true");
        builder.UseSetting("Datastore:WorkerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command",
            Environment.GetEnvironmentVariable("ODP_BENCH_SQL") == "1" ? "Information" : "Warning");
    }
}

public sealed record BenchGrant(string AppKey, string AppSecret, string ApiCode);

public static class BenchSetup
{
    /// <summary>
    /// Through the app's own commands: raise the limits (site settings, as an administrator would), create an
    /// app for the demo developer, apply for the first data API and approve the application as a reviewer.
    /// </summary>
    public static async Task<BenchGrant> GrantAsync(IServiceProvider root)
    {
        using var scope = root.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var developer = await users.FindByNameAsync("developer") ?? throw new InvalidOperationException("demo developer missing");
        var admin = await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("demo admin missing");
        var backOffice = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Name, admin.UserName!),
            new Claim(ClaimTypes.Role, Roles.Admin), new Claim(ClaimTypes.Role, Roles.Reviewer), new Claim(AccountsFeature.MfaClaim, "mfa"),
        ], "bench"));
        // 429s would distort the figures: a rate and a quota far above what 30 s can use.
        var errors = await sp.GetRequiredService<SettingsCommands>().SaveAsync(new Dictionary<string, string>
        {
            [SettingKeys.ApiRatePerMinute] = "100000000", [SettingKeys.ApiDailyQuota] = "2000000000",
        }, backOffice) ?? throw new InvalidOperationException("settings refused");
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors.Values));

        var db = sp.GetRequiredService<PortalDbContext>();
        var code = await db.Resources.AsNoTracking().Where(r => r.Dataset!.IsPublished && r.Format == "CSV" && r.RowCount > 0)
            .OrderBy(r => r.Id).Select(r => r.ApiCode).FirstAsync();
        var app = await sp.GetRequiredService<AppCommands>().CreateAsync(developer.Id, developer.UserName!, new CreateAppRequest("压测应用", 1, "网关基准测试"), default);
        var applications = sp.GetRequiredService<ApplicationCommands>();
        var applied = await applications.ApplyAsync(developer.Id, developer.UserName!,
            new ApplyRequest(app.Id, code, ApplicationCategories.All[0], "网关基准测试：签名分页查询的吞吐量与延迟", true), default);
        if (!await applications.ReviewAsync(backOffice, applied.Id, true, "基准测试", default)) throw new InvalidOperationException("approval failed");
        return new BenchGrant(app.AppKey, app.AppSecret!, code);
    }
}
