using System.Net;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>A grant of some fields: every route that serves rows serves those columns only.</summary>
public abstract partial class RestrictedFlowTests
{
    private static string Q(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task A_grant_of_some_fields_serves_those_columns_only_and_refuses_filters_on_the_others()
    {
        var (provider, slug, id, apiCode, dev, _, devAppId, signer) = await RestrictedApiAsync("供水对象", "供水分析");

        // The fields asked for must be fields of the dataset: a name it does not have is refused with the ones it has.
        var unknown = await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], fields: "户主姓名、保障人数"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var why = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("户主姓名", why);
        Assert.Contains("站点名称、区县、监测日期、浊度、人数", why);
        var submitted = await dev.PostAsync("/api/v1/me/restricted-applications",
            RestrictedKit.Application([slug], apps: [devAppId], fields: "站点名称、区县， 人数"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var appId = (await Json(submitted)).GetProperty("id").GetInt32();
        var (reviewer, _) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);

        var grant = (await Json(await dev.GetAsync("/api/v1/me/grants"))).EnumerateArray().Single(g => g.GetProperty("applicationId").GetInt32() == appId);
        Assert.Equal(["站点名称", "区县", "人数"], grant.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(grant.GetProperty("allFields").GetBoolean());

        var api = $"/api/v1/datasets/{slug}/resources/{id}";
        var rows = await Json(await dev.GetAsync(api + "/rows"));
        Assert.Equal(["站点名称", "区县", "人数"], rows.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(["站点名称", "区县", "人数"], rows.GetProperty("items")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["站点名称", "区县", "人数"], (await Json(await dev.GetAsync(api + "/profile"))).EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await dev.GetAsync(api + $"/aggregate?groupBy={Q("区县")}&measure=sum&column={Q("人数")}")).StatusCode);
        foreach (var refused in new[] { $"/rows?{Q("浊度__gte")}=0.4", $"/rows?sort={Q("监测日期:desc")}", $"/aggregate?groupBy={Q("监测日期")}",
                     $"/aggregate?groupBy={Q("区县")}&measure=avg&column={Q("浊度")}", $"/aggregate.csv?groupBy={Q("区县")}&{Q("浊度")}=0.3" })
        {
            var res = await dev.GetAsync(api + refused);
            Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
            Assert.Contains("不在您的受限数据授权范围内", await res.Content.ReadAsStringAsync());
        }

        // Downloads and exports: the table's granted columns; the original file (every column) is refused with the way out.
        var csv = await dev.GetStringAsync(api + "/download?acceptAgreement=true&format=csv");
        Assert.StartsWith("站点名称,区县,人数", csv.TrimStart('\uFEFF'));
        Assert.DoesNotContain("浊度", csv);
        Assert.DoesNotContain("浊度", await dev.GetStringAsync(api + "/download?acceptAgreement=true&format=json"));
        var original = await dev.GetAsync(api + "/download?acceptAgreement=true&format=original");
        Assert.Equal(HttpStatusCode.Forbidden, original.StatusCode);
        Assert.Contains("CSV", await original.Content.ReadAsStringAsync());

        // The pages: preview and the dataset page's sample show the granted columns only.
        var preview = await dev.GetStringAsync($"/datasets/{slug}/preview?resource={id}");
        Assert.Contains("城北水厂", preview);
        Assert.DoesNotContain("2026-01-05", preview);
        Assert.DoesNotContain("2026-01-05", await dev.GetStringAsync($"/datasets/{slug}"));

        // The signed data API of the named app.
        var records = await signer.GetAsync($"/api/v1/data/{apiCode}/records?pageSize=5");
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
        var body = await records.Content.ReadAsStringAsync();
        Assert.Contains("城北水厂", body);
        Assert.DoesNotContain("浊度", body);
        Assert.DoesNotContain("2026-01-05", body);
        var filtered = await signer.GetAsync($"/api/v1/data/{apiCode}/count?{Q("浊度__gte")}=0.4");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        Assert.Contains("不在您的受限数据授权范围内", await filtered.Content.ReadAsStringAsync());

        // The provider still sees every column of their own data.
        Assert.Contains("浊度", await provider.GetStringAsync(api + "/download?acceptAgreement=true&format=csv"));
    }
}
