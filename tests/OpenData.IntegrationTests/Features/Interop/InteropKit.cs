using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>Shared steps of the interop tests: the demo's open and restricted datasets, a fresh unpublished one, the download setting.</summary>
public static class InteropKit
{
    public const string OpenSlug = "kongqi-zhiliang-ribao";
    public const string RestrictedSlug = "zuidi-shenghuo-baozhang";

    /// <summary>A dataset of 丽水市生态环境局 with one CSV loaded, left unpublished; returns its slug.</summary>
    public static async Task<string> UnpublishedDatasetAsync(this PortalFactory f, string title)
    {
        var provider = await f.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(DatasetTestKit.NewDataset("sthjj", title));
        var upload = await provider.UploadAsync(created.Slug, "互操作测试.csv", "站点,数值\n甲站,1\n乙站,2\n");
        Assert.Equal("succeeded", (await upload.ReadAsync<JobDto>()).State);
        return created.Slug;
    }

    public static async Task PublishAsync(this PortalFactory f, string slug)
    {
        var provider = await f.ClientForAsync("provider");
        var res = await provider.PostAsync($"/api/v1/manage/datasets/{slug}/publish", null);
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
    }

    public static async Task SetAnonymousDownloadAsync(this PortalFactory f, bool allowed)
    {
        await using var scope = f.Services.CreateAsyncScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin), new Claim("amr", "mfa")], "test"));
        Assert.Equal(CommandStatus.Ok, await scope.ServiceProvider.GetRequiredService<DatasetDownloads>().SetAnonymousOpenAsync(allowed, admin));
    }

    public static async Task<(int Status, JsonElement Body)> CkanAsync(this HttpClient client, string actionAndQuery)
    {
        var res = await client.GetAsync("/api/3/action/" + actionAndQuery);
        return ((int)res.StatusCode, await res.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<JsonElement> CkanResultAsync(this HttpClient client, string actionAndQuery)
    {
        var (status, body) = await client.CkanAsync(actionAndQuery);
        Assert.True(status == 200, body.ToString());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.EndsWith("/api/3/action/help_show?name=" + actionAndQuery.Split('?')[0], body.GetProperty("help").GetString());
        return body.GetProperty("result");
    }

    public static string Q(string s) => Uri.EscapeDataString(s);
}
