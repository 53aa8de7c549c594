using Microsoft.AspNetCore.Identity;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Infrastructure.Cli;

/// <summary>
/// The operator commands of the same binary: migrate, seed-demo, user create, token create, backup, restore (operator contract).
/// Features may add more through ICliCommand.
/// </summary>
public static class OperatorCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var positional = args.Where(a => !a.Contains('=') || a.StartsWith("--")).ToArray();
        if (positional.Length == 0 || positional[0].StartsWith('-')) return false;
        var name = positional[0];
        var extra = app.Services.GetServices<ICliCommand>().FirstOrDefault(c => c.Name == name || c.Name == $"{name} {positional.ElementAtOrDefault(1)}");
        try
        {
            switch (name)
            {
                case "migrate":
                    await app.PrepareDatabaseAsync(forceDemo: false);
                    Console.WriteLine("数据库已迁移到最新版本，参考数据已就绪。");
                    return true;
                case "seed-demo":
                    await app.PrepareDatabaseAsync(forceDemo: false);
                    await using (var scope = app.Services.CreateAsyncScope())
                        await DatabaseStartup.SeedDemoAsync(scope.ServiceProvider, CancellationToken.None);
                    Console.WriteLine("示例数据已加载。");
                    return true;
                case "user" when positional.ElementAtOrDefault(1) == "create":
                    await app.PrepareDatabaseAsync(forceDemo: false);
                    await CreateUserAsync(app, positional);
                    return true;
                case "backup":
                    await app.PrepareDatabaseAsync(forceDemo: false);
                    await Backup.RunBackupAsync(app, Option(positional, "--out") ?? throw new InvalidOperationException("用法：backup --out DIR"), CancellationToken.None);
                    return true;
                case "restore":
                    // No migration first: the databases are replaced, then migrated forward from the backup's version.
                    await Backup.RunRestoreAsync(app, Option(positional, "--from") ?? throw new InvalidOperationException("用法：restore --from DIR"), CancellationToken.None);
                    return true;
                case "token" when positional.ElementAtOrDefault(1) == "create":
                    await app.PrepareDatabaseAsync(forceDemo: false);
                    await CreateTokenAsync(app, positional);
                    return true;
            }
            if (extra is null) return false;
            await app.PrepareDatabaseAsync(forceDemo: false);
            await extra.RunAsync(app.Services, positional, CancellationToken.None);
            return true;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"错误：{e.Message}");
            Environment.ExitCode = 1;
            return true;
        }
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task CreateUserAsync(WebApplication app, string[] args)
    {
        var userName = Option(args, "--name") ?? throw new InvalidOperationException("用法：user create --name N --password P --role R [--org CODE]");
        var password = Option(args, "--password") ?? throw new InvalidOperationException("缺少 --password");
        var role = Option(args, "--role") ?? "User";
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .CreateUserAsync(userName, password, role, Option(args, "--org"), Option(args, "--real-name"));
        Console.WriteLine($"已创建用户 {user.UserName}（{role}）");
    }

    private static async Task CreateTokenAsync(WebApplication app, string[] args)
    {
        var userName = Option(args, "--user") ?? throw new InvalidOperationException("用法：token create --user N [--label L]");
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"用户不存在：{userName}");
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokens>()
            .CreateAsync(user.Id, user.UserName!, Option(args, "--label") ?? "命令行创建");
        Console.WriteLine(created.Token);
    }
}

/// <summary>An operator command contributed by a feature (e.g. reindex, backup, restore).</summary>
public interface ICliCommand
{
    string Name { get; }
    Task RunAsync(IServiceProvider services, string[] args, CancellationToken ct);
}
