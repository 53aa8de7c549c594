using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.DataApis.Services;

namespace OpenData.Web.Features.Showcase;

/// <summary>The text fields of a submission, checked and trimmed; errors keyed by the JSON field names.</summary>
public sealed record CleanInput(ShowcaseType Type, string Name, int DomainId, string Tags, string Summary, string Team, string TeamContact,
    string? Url, string? EmbedCode, List<string> Datasets, List<string> Apis);

public sealed class ShowcaseValidation(PortalDbContext db, ApiCatalog apis)
{
    public async Task<(CleanInput? Clean, FieldErrors Errors)> CheckAsync(ShowcaseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = (input.Name ?? "").Trim();
        if (name.Length is < 2 or > 100) errors.AddOnce("name", "请填写成果名称（2 到 100 个字）。");
        var type = ShowcaseLabels.Parse(input.Type);
        if (type is null) errors.AddOnce("type", "请选择成果类型：服务应用、传播产品、创新方案或研究成果。");
        if (input.Domain is not { } domain || !await db.Domains.AnyAsync(d => d.Id == domain && !d.IsRetired, ct))
            errors.AddOnce("domain", "请选择成果所属领域。");
        var summary = (input.Summary ?? "").Trim();
        if (summary.Length is < 10 or > 2000) errors.AddOnce("summary", "请填写成果简介（10 到 2000 个字）。");
        var team = (input.Team ?? "").Trim();
        if (team.Length is < 2 or > 100) errors.AddOnce("team", "请填写开发团队名称（2 到 100 个字）。");
        var contact = (input.TeamContact ?? "").Trim();
        if (contact.Length > 100) errors.AddOnce("teamContact", "联系方式不能超过 100 个字。");
        var tags = string.Join(",", (input.Tags ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8));
        if (tags.Length > 200) errors.AddOnce("tags", "标签总长度不能超过 200 个字。");
        var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        if (url is not null && CheckUrl(url) is { } urlError) errors.AddOnce("url", urlError);
        var embed = string.IsNullOrWhiteSpace(input.EmbedCode) ? null : input.EmbedCode.Trim();
        if (embed?.Length > 2000) errors.AddOnce("embedCode", "嵌入代码不能超过 2000 个字。");

        var slugs = input.Datasets.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().Take(21).ToList();
        var codes = input.Apis.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().Take(21).ToList();
        if (slugs.Count > 20 || codes.Count > 20) errors.AddOnce("datasets", "关联的数据集和接口各不能超过 20 个。");
        var known = await db.Datasets.Where(d => slugs.Contains(d.Slug) && d.IsPublished).Select(d => d.Slug).ToListAsync(ct);
        if (slugs.Except(known).FirstOrDefault() is { } unknown) errors.AddOnce("datasets", $"数据集“{unknown}”不存在或未发布。");
        foreach (var code in codes)
            if (await apis.FindAsync(code, ct) is null) { errors.AddOnce("apis", $"接口“{code}”不存在或未发布。"); break; }
        if (slugs.Count + codes.Count == 0) errors.AddOnce("datasets", "请至少选择一个所基于的数据集或接口。");
        return errors.Ok
            ? (new CleanInput(type!.Value, name, input.Domain!.Value, tags, summary, team, contact, url, embed, slugs, codes), errors)
            : (null, errors);
    }

    /// <summary>
    /// An address users will open: http or https, and not a loopback or private address (the same rule as the
    /// department API proxy's SSRF guard; the daily link check resolves names and applies it again).
    /// </summary>
    public static string? CheckUrl(string url)
    {
        if (url.Length > 500) return "访问地址不能超过 500 个字符。";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "访问地址须以 http:// 或 https:// 开头（不接受 javascript: 等其他协议）。";
        var host = uri.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && UpstreamForwarder.IsPrivate(ip)))
            return "访问地址不能是本机或内网地址，请填写公网可以访问的地址。";
        return null;
    }
}
