using System.Net;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>Shared steps: a published dataset of a department, signed-in browsers, widget form posts.</summary>
public static partial class InteractionKit
{
    public const string Dept = "sthjj";

    /// <summary>A fresh published dataset of the given department (created through the management API).</summary>
    public static async Task<string> PublishedDatasetAsync(PortalFactory f, string dept = Dept, string? title = null)
    {
        var api = await f.ClientForAsync(dept == Dept ? "provider" : "prov" + dept, dept == Dept ? null : dept);
        var created = await api.CreateDatasetAsync(DatasetTestKit.NewDataset(dept, title ?? "互动测试数据" + UniqueName("")));
        var up = await api.UploadAsync(created.Slug, "data.csv", "站点,数值\n甲,1\n乙,2\n", "data");
        Assert.True(up.IsSuccessStatusCode, await up.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null)).StatusCode);
        return created.Slug;
    }

    /// <summary>A browser signed in as the demo admin with the second factor.</summary>
    public static async Task<HttpClient> AdminBrowserAsync(PortalFactory f)
    {
        var client = f.CreateBrowserClient();
        var res = await client.SignInAsync("admin", AccountDemoSeeder.Password, "/admin");
        var ok = await client.PostFormAsync(res.Target()!, null, "login-2fa", [new("Code", Totp(AccountDemoSeeder.AdminAuthenticatorKey))]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        return client;
    }

    /// <summary>Posts a widget form (action URL) with a token read from a page the client can see, like the browser does.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, string action, string returnUrl, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync("/interact/feedback");
        var all = fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value)).ToList();
        all.Add(new("returnUrl", returnUrl));
        all.Add(new("__RequestVerificationToken", HtmlForms.AntiforgeryToken(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a widget form, follows the redirect back and returns that page (which shows the flash message).</summary>
    public static async Task<string> ActAndReadAsync(this HttpClient client, string action, string returnUrl, params (string Name, string Value)[] fields)
    {
        var res = await client.ActAsync(action, returnUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var target = res.Target()!;
        Assert.StartsWith(returnUrl, target);
        return await client.GetStringAsync(target.Split('#')[0]);
    }

    public static string ItemPage(string slug) => $"/interact/items/dataset/{slug}";
    public static string Act(string slug, string action) => $"/interact/act/dataset/{slug}/{action}";

    public static int Count(string html, string needle) => Regex.Matches(html, Regex.Escape(needle)).Count;
}
