using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Infrastructure.Cli;

/// <summary>Runs the real binary's operator commands as an operator would, then uses the result over HTTP.</summary>
public abstract class OperatorCommandTests
{
    protected abstract string Provider { get; }
    protected abstract string Connection(string dataDir);

    [Fact]
    public async Task Migrate_user_create_and_token_create_produce_a_working_token()
    {
        var dataDir = Directory.CreateTempSubdirectory("odp-cli-").FullName;
        var conn = Connection(dataDir);
        Assert.Equal(0, (await Run(conn, dataDir, "migrate")).Code);
        var created = await Run(conn, dataDir, "user", "create", "--name", "opsprov", "--password", "Prov1der#Pass", "--role", "Provider", "--org", "jtysj");
        Assert.True(created.Code == 0, created.Output);
        var bad = await Run(conn, dataDir, "user", "create", "--name", "x1y2", "--password", "short", "--role", "User");
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("密码至少 8 位", bad.Output);
        var token = await Run(conn, dataDir, "token", "create", "--user", "opsprov");
        Assert.Equal(0, token.Code);
        var tokenText = token.Output.Trim().Split('\n').Last().Trim();
        Assert.StartsWith("odp_", tokenText);

        await using var factory = new CliFactory(Provider, conn, dataDir);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenText);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("opsprov", me.GetProperty("userName").GetString());
        Assert.Equal("jtysj", me.GetProperty("organization").GetString());
        Assert.Contains("Provider", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_demo_start_over_a_database_with_accounts_but_no_datasets_adds_the_demo_catalog()
    {
        // A database seeded before the datasets feature existed: the demo accounts, no catalog.
        var dataDir = Directory.CreateTempSubdirectory("odp-cli-old-").FullName;
        var conn = Connection(dataDir);
        var created = await Run(conn, dataDir, "user", "create", "--name", "provider", "--password", "Prov1der#Pass", "--role", "Provider", "--org", "sthjj");
        Assert.True(created.Code == 0, created.Output);
        await using (var plain = new CliFactory(Provider, conn, dataDir))
            Assert.Equal(0, (await plain.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/datasets")).GetProperty("total").GetInt32());

        await using var demo = new CliFactory(Provider, conn, dataDir, seedDemo: true);
        var client = demo.CreateClient();
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/v1/datasets")).GetProperty("total").GetInt32() > 10);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/datasets/xingji-fandian")).StatusCode);
    }

    [Fact]
    public async Task Backup_then_restore_into_an_empty_installation_brings_back_users_data_tables_and_files_but_not_later_changes()
    {
        var dataDir = Directory.CreateTempSubdirectory("odp-bak-src-").FullName;
        var conn = Connection(dataDir);
        var seeded = await Run(conn, dataDir, "seed-demo");
        Assert.True(seeded.Code == 0, seeded.Output);
        var token = (await Run(conn, dataDir, "token", "create", "--user", "developer")).Output.Trim().Split('\n').Last().Trim();
        var backupDir = Path.Combine(Directory.CreateTempSubdirectory("odp-bak-").FullName, "b1");
        var backup = await Run(conn, dataDir, "backup", "--out", backupDir);
        Assert.True(backup.Code == 0, backup.Output);
        Assert.True(File.Exists(Path.Combine(backupDir, "manifest.json")));
        Assert.NotEqual(0, (await Run(conn, dataDir, "backup", "--out", backupDir)).Code); // never over an existing backup
        Assert.Equal(0, (await Run(conn, dataDir, "user", "create", "--name", "afterbak", "--password", "After#Backup1", "--role", "User")).Code);

        var target = Directory.CreateTempSubdirectory("odp-bak-dst-").FullName;
        var targetConn = Connection(target);
        var restored = await Run(targetConn, target, "restore", "--from", backupDir);
        Assert.True(restored.Code == 0, restored.Output);

        await using var factory = new CliFactory(Provider, targetConn, target);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal("developer", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userName").GetString());
        var dataset = await client.GetFromJsonAsync<JsonElement>("/api/v1/datasets/xingji-fandian");
        var resource = dataset.GetProperty("resources")[0].GetProperty("id").GetInt32();
        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/xingji-fandian/resources/{resource}/rows?pageSize=1");
        Assert.True(rows.GetProperty("total").GetInt64() > 0);
        var original = await client.GetAsync($"/api/v1/datasets/xingji-fandian/resources/{resource}/download?format=original&acceptAgreement=true");
        Assert.Equal(System.Net.HttpStatusCode.OK, original.StatusCode);
        Assert.NotEqual(0, (await Run(targetConn, target, "token", "create", "--user", "afterbak")).Code);
    }

    private static async Task<(int Code, string Output)> Run(string conn, string dataDir, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OpenData.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = conn.StartsWith("Data Source") ? "Sqlite" : "Postgres";
        psi.Environment["ConnectionStrings__OpenData"] = conn;
        psi.Environment["OpenData__DataDir"] = dataDir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    private sealed class CliFactory(string provider, string conn, string dataDir, bool seedDemo = false) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:OpenData", conn);
            builder.UseSetting("OpenData:DataDir", dataDir);
            builder.UseSetting("OpenData:SeedDemo", seedDemo ? "true" : "false");
        }
    }
}

public sealed class OperatorCommandTestsSqlite : OperatorCommandTests
{
    protected override string Provider => "Sqlite";
    protected override string Connection(string dataDir) => $"Data Source={Path.Combine(dataDir, "opendata.db")}";
}

public sealed class OperatorCommandTestsPostgres : OperatorCommandTests
{
    protected override string Provider => "Postgres";
    protected override string Connection(string dataDir) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = "odp_cli_" + Guid.NewGuid().ToString("N")[..10] }.ConnectionString;
}
