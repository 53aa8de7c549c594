using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Accounts;

/// <summary>The demo accounts of the operator contract: admin, provider (市生态环境局), developer; plus reviewer and auditor.</summary>
public sealed class AccountDemoSeeder : IDemoSeeder
{
    public const string Password = "OpenData#2026";
    /// <summary>Demo only: the admin's TOTP secret, so the demo admin can complete two-factor sign-in (README).</summary>
    public const string AdminAuthenticatorKey = "ODPDEMOADMINTOTPKEYTWOZEROLISHUI";

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var commands = sp.GetRequiredService<AccountCommands>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("admin") is null)
        {
            var admin = await commands.CreateUserAsync("admin", Password, Roles.Admin, "dsjj", "平台管理员", ct);
            await users.SetAuthenticationTokenAsync(admin, "[AspNetUserStore]", "AuthenticatorKey", AdminAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(admin, true);
        }
        // 三权分立 (ADR 0030): the demo admin also reviews; audit is a separate account. Demo back-office accounts share the demo TOTP key.
        if (!await users.IsInRoleAsync(await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("admin missing"), Roles.Reviewer))
            await commands.AddRoleAsync((await users.FindByNameAsync("admin"))!, Roles.Reviewer, ct);
        foreach (var (name, role, realName) in new[] { ("reviewer", Roles.Reviewer, "平台审核员"), ("auditor", Roles.Auditor, "平台审计员") })
        {
            if (await users.FindByNameAsync(name) is not null) continue;
            var u = await commands.CreateUserAsync(name, Password, role, "dsjj", realName, ct);
            await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", AdminAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(u, true);
        }
        if (await users.FindByNameAsync("provider") is null)
            await commands.CreateUserAsync("provider", Password, Roles.Provider, "sthjj", "生态环境局数据专员", ct);
        if (await users.FindByNameAsync("developer") is null)
            await commands.CreateUserAsync("developer", Password, null, null, "示例开发者", ct);
    }
}

/// <summary>OpenData:AdminPassword creates the admin account on an empty database (no demo needed).</summary>
public sealed class AdminPasswordSeeder(IOptions<OpenDataOptions> options) : IStartupSeeder
{
    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var password = options.Value.AdminPassword;
        if (string.IsNullOrEmpty(password)) return;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any()) return;
        await sp.GetRequiredService<AccountCommands>().CreateUserAsync("admin", password, Roles.Admin, "dsjj", "平台管理员", ct);
    }
}
