using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Apps;

namespace OpenData.IntegrationTests.Features.DataApis;

public sealed record GatewayApp(int AppId, string AppKey, string AppSecret, string UserId, string ApiCode, int? ApplicationId);

public static class GatewaySetup
{
    /// <summary>A fresh user with a fresh app; granted the test API unless <paramref name="grant"/> is false.</summary>
    public static async Task<GatewayApp> AppAsync(PortalFactory factory, bool grant = true, int? dailyQuota = null)
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var user = await AccountFlows.CreateUserAsync(factory);
        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AppCommands>()
            .CreateAsync(user.Id, user.UserName!, new CreateAppRequest("测试应用", 1, "网关测试"), default);
        int? applicationId = null;
        if (grant)
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = new ApiApplication
            {
                AppId = created.Id, UserId = user.Id, ApiCode = code, Category = "科研教育", Reason = "测试", Status = ApiApplicationStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow, AgreementAcceptedAt = DateTimeOffset.UtcNow, DailyQuota = dailyQuota,
            };
            db.ApiApplications.Add(row);
            await db.SaveChangesAsync();
            applicationId = row.Id;
        }
        return new GatewayApp(created.Id, created.AppKey, created.AppSecret, user.Id, code, applicationId);
    }

    public static SigningClient Client(PortalFactory factory, GatewayApp app) =>
        new(factory.CreateClient(), app.AppKey, app.AppSecret);
}
