using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;

namespace OpenData.IntegrationTests.Features.Datasets;

/// <summary>Bearer-token clients for the demo accounts (and extra providers), and small JSON helpers.</summary>
public static class DatasetTestKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpClient> ClientForAsync(this PortalFactory f, string userName, string? providerOf = null)
    {
        var users = f.Service<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName)
                   ?? await f.Service<AccountCommands>().CreateUserAsync(userName, AccountDemoSeeder.Password,
                       providerOf is null ? null : "Provider", providerOf, "测试用户");
        var token = await f.Service<ApiTokens>().CreateAsync(user.Id, userName, "integration test");
        var client = f.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public static async Task<DatasetRef> CreateDatasetAsync(this HttpClient client, object body)
    {
        var res = await client.PostAsJsonAsync("/api/v1/manage/datasets", body);
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<DatasetRef>(Json))!;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string slug, string fileName, string content, string? name = null) =>
        client.UploadAsync(slug, fileName, Encoding.UTF8.GetBytes(content), name);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string slug, string fileName, byte[] content, string? name = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        if (name is not null) form.Add(new StringContent(name), "name");
        var res = await client.PostAsync($"/api/v1/manage/datasets/{slug}/resources", form);
        if (res.StatusCode != System.Net.HttpStatusCode.Accepted) return res;
        // Ingestion runs in the background worker: answer with the finished job, keeping status and Location.
        var job = await client.WaitForJobAsync(res.Headers.Location!.ToString());
        var done = new HttpResponseMessage(res.StatusCode) { Content = JsonContent.Create(job, options: Json) };
        done.Headers.Location = res.Headers.Location;
        return done;
    }

    /// <summary>Polls GET /api/v1/manage/jobs/{id} until the job succeeded or failed (at most 60 s).</summary>
    public static async Task<JobDto> WaitForJobAsync(this HttpClient client, string location)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JobDto>(location, Json))!;
            if (job.State is "succeeded" or "failed") return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"job {job.Id} still {job.State}");
            await Task.Delay(100);
        }
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage res) =>
        (await res.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty body");

    public static async Task<DatasetSearchResult> SearchAsync(this HttpClient client, string query) =>
        (await client.GetFromJsonAsync<DatasetSearchResult>("/api/v1/datasets?" + query, Json))!;

    public static string Q(string s) => Uri.EscapeDataString(s);

    /// <summary>A valid create request for the given department.</summary>
    public static object NewDataset(string org, string title, string? openCondition = "open") => new
    {
        title, summary = $"{title}（集成测试）", organization = org, domain = 10, tags = new[] { "测试", "集成" },
        openCondition, updateFrequency = "monthly", county = "331102",
    };
}
