using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>The system clock moved by <see cref="Offset"/>, so a grant can expire within a test.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

public interface IClockedFactory
{
    ShiftableClock Clock { get; }
}

public sealed class RestrictedSqliteFactory : PortalFactory, IClockedFactory
{
    public ShiftableClock Clock { get; } = new();
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "opendata.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class RestrictedPostgresFactory : PortalFactory, IClockedFactory
{
    private readonly string _database = "odp_it_" + Guid.NewGuid().ToString("N")[..12];
    public ShiftableClock Clock { get; } = new();
    public override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public static class RestrictedKit
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Exe = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0 this program cannot be run in DOS mode");
    public static readonly string[] Required = ["applicationForm", "demandList", "securityCertificate", "creditReport", "commitment"];

    /// <summary>Sets the application windows as an administrator would on /admin/settings.</summary>
    public static async Task SetWindowsAsync(PortalFactory factory, string spec, int maxMonths = 12)
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin), new Claim(ClaimTypes.Name, "admin")],
            BearerTokenHandler.SchemeName));
        using var scope = factory.Services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<SettingsCommands>().SaveAsync(new Dictionary<string, string>
            { [SettingKeys.RestrictedWindows] = spec, [SettingKeys.RestrictedMaxMonths] = maxMonths.ToString() }, admin);
        Assert.NotNull(errors);
        Assert.Empty(errors);
    }

    /// <summary>The current China month, so the window is open whenever the test runs.</summary>
    public static string ThisMonth(PortalFactory factory) =>
        (factory is IClockedFactory c ? c.Clock.GetUtcNow() : DateTimeOffset.UtcNow).ToOffset(TimeSpan.FromHours(8)).Month.ToString();

    public static async Task<(HttpClient Client, string UserId)> BearerAsync(PortalFactory factory, string? role = null, string? org = null)
    {
        var user = await AccountFlows.CreateUserAsync(factory, role, org);
        var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "t");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return (client, user.Id);
    }

    public static MultipartFormDataContent Application(IEnumerable<string> datasets, int periodMonths = 6, IEnumerable<int>? apps = null,
        IDictionary<string, byte[]>? documents = null, bool accept = true, bool draft = false, string fields = "全部字段")
    {
        var form = new MultipartFormDataContent();
        foreach (var d in datasets) form.Add(new StringContent(d), "datasets");
        form.Add(new StringContent("用于城乡低保对象精准帮扶研究与政策评估"), "purpose");
        form.Add(new StringContent("民政帮扶分析系统"), "scenario");
        form.Add(new StringContent(fields), "fields");
        form.Add(new StringContent("专网存储，访问审批，期满销毁并报告"), "securityMeasures");
        form.Add(new StringContent(periodMonths.ToString()), "periodMonths");
        foreach (var a in apps ?? []) form.Add(new StringContent(a.ToString()), "apps");
        if (accept) form.Add(new StringContent("true"), "acceptAgreement");
        if (draft) form.Add(new StringContent("true"), "draft");
        foreach (var (kind, bytes) in documents ?? Required.ToDictionary(k => k, _ => Pdf))
            form.Add(new ByteArrayContent(bytes), kind, kind + ".pdf");
        return form;
    }
}
