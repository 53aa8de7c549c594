using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Signing;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// The order of api-signing.md: timestamp, body hash, HMAC against each active secret, only then the nonce;
/// then grant, rate limit, quota; every call (failed ones too) goes to the call log.
/// </summary>
public sealed class GatewayFilter(AppSecrets secrets, INonceStore nonces, AppRateLimiter limiter,
    DailyQuota quota, ApiLimits limits, GatewayCache cache, CallLogWriter callLog, TimeProvider clock, IOptions<DataApisOptions> options,
    OpenIndex.AccessRecorder access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ctx = context.HttpContext;
        var started = clock.GetTimestamp();
        var o = options.Value;
        var code = ctx.GetRouteValue("code")?.ToString() ?? "";
        var counter = new CountingStream(ctx.Response.Body);
        ctx.Response.Body = counter;
        ctx.Response.Headers["X-Request-Id"] = ctx.TraceIdentifier;
        // Until the call is known to be this app's on this API, the headers show the platform default.
        var defaults = await limits.DefaultsAsync(ctx.RequestAborted);
        ctx.Response.Headers["X-RateLimit-Limit"] = defaults.RatePerMinute.ToString(CultureInfo.InvariantCulture);
        ctx.Response.Headers["X-RateLimit-Remaining"] = defaults.RatePerMinute.ToString(CultureInfo.InvariantCulture);
        int? appId = null;
        ctx.Response.OnCompleted(() =>
        {
            callLog.Enqueue(CallLogEntry.Create(ctx, appId, code, started, counter.Count, clock));
            // 开放指数 counts what the API's call counter counts: calls of a known app that succeeded.
            if (appId is not null && ctx.Response.StatusCode < 400) access.Record(OpenIndex.AccessActions.Call, OpenIndex.AccessItems.Api, code, OpenIndex.AccessChannels.Api, ctx);
            return Task.CompletedTask;
        });

        var h = ctx.Request.Headers;
        string appKey = h[SignatureHeaders.AppKey].ToString(), ts = h[SignatureHeaders.Timestamp].ToString(),
            nonce = h[SignatureHeaders.Nonce].ToString(), sha = h[SignatureHeaders.ContentSha256].ToString(),
            method = h[SignatureHeaders.Method].ToString(), signature = h[SignatureHeaders.Signature].ToString();
        if (appKey.Length == 0 || signature.Length == 0 || method != "HMAC-SHA256" || !SignatureHeaders.TimestampFormat().IsMatch(ts)
            || !SignatureHeaders.NonceFormat().IsMatch(nonce) || !SignatureHeaders.Sha256Format().IsMatch(sha))
            return ProblemDefaults.Problem(401, GatewayProblems.SignatureInvalid,
                "缺少签名请求头或格式不正确：需要 X-ODP-AppKey、X-ODP-Timestamp（13 位毫秒）、X-ODP-Nonce（32 位小写十六进制）、X-ODP-Content-SHA256、X-ODP-Signature-Method=HMAC-SHA256 和 X-ODP-Signature。");

        var now = clock.GetUtcNow();
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ts, CultureInfo.InvariantCulture));
        if ((now - sent).Duration() > o.MaxClockSkew)
        {
            ctx.Response.Headers[SignatureHeaders.ServerTime] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return ProblemDefaults.Problem(401, GatewayProblems.TimestampSkew, $"时间戳与服务器时间相差超过 {(int)o.MaxClockSkew.TotalSeconds} 秒，请校准客户端时钟。");
        }

        var body = await ReadBodyAsync(ctx, o.MaxBodyBytes);
        if (body is null) return GatewayProblems.Bad($"请求体超过 {o.MaxBodyBytes / 1024} KB 的上限。");
        if (!string.Equals(RequestSignature.BodySha256(body), sha, StringComparison.Ordinal)) return GatewayProblems.BadSignature();

        // Kestrel keeps the undecoded request target; hosts that do not (the test server) get path + raw query string.
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw : ctx.Request.PathBase + ctx.Request.Path.ToUriComponent() + ctx.Request.QueryString.Value;
        var q = target.IndexOf('?');
        var rawPath = q < 0 ? target : target[..q];
        var rawQuery = q < 0 ? "" : target[(q + 1)..];
        var path = Canonical.Path(rawPath);
        if (path is null) return GatewayProblems.Bad("请求路径不能包含“.”、“..”或“//”段。");

        // The catalog is read only when the per-node cache misses (GatewayCache), so a call usually opens no DbContext.
        var app = await cache.AppAsync(appKey, async () => await Db(ctx).DeveloperApps.AsNoTracking().Where(a => a.AppKey == appKey)
            .Select(a => new { a.Id, a.SecretCipher, a.PreviousSecretCipher, a.PreviousSecretExpiresAt, a.IsDisabled }).FirstOrDefaultAsync(ctx.RequestAborted)
            is { } a ? new GatewayCache.App(a.Id, secrets.Unprotect(a.SecretCipher), a.PreviousSecretCipher is { } p ? secrets.Unprotect(p) : null,
                a.PreviousSecretExpiresAt, a.IsDisabled) : null);
        if (app is null) return GatewayProblems.BadSignature();
        var parts = new SignedRequestParts(ctx.Request.Method, ctx.Request.Host.Value ?? "", path, Canonical.Query(rawQuery), appKey, ts, nonce, sha);
        var valid = RequestSignature.Matches(app.Secret, parts, signature)
            || (app.PreviousSecret is { } prev && app.PreviousSecretExpiresAt > now && RequestSignature.Matches(prev, parts, signature));
        if (!valid) return GatewayProblems.BadSignature();
        appId = app.Id;

        if (!await nonces.TryUseAsync(app.Id, nonce, now + o.NonceLifetime, ctx.RequestAborted))
            return ProblemDefaults.Problem(401, GatewayProblems.NonceReused, "该 Nonce 已经使用过：每个请求都要生成新的随机 Nonce。");
        if (app.IsDisabled)
            return ProblemDefaults.Problem(403, GatewayProblems.NotGranted, "该应用已停用，请在个人中心“我的应用”中启用。");

        var grant = await cache.GrantAsync(app.Id, code, () =>
        {
            var db = Db(ctx);
            return db.ApiApplications.AsNoTracking()
                .Where(a => a.AppId == app.Id && a.ApiCode == code && a.Status == ApiApplicationStatus.Approved)
                .Select(a => new GatewayCache.Grant(a.Id, a.DailyQuota, db.Resources
                    .Where(r => r.ApiCode == code && r.Dataset!.OpenCondition == OpenCondition.Restricted).Select(r => (int?)r.DatasetId).FirstOrDefault()))
                .FirstOrDefaultAsync(ctx.RequestAborted);
        });
        if (grant is null)
            return ProblemDefaults.Problem(403, GatewayProblems.NotGranted, $"应用尚未获准调用接口“{code}”：请先在接口详情页提交申请，待管理员审核通过后再调用。");
        // 有条件开放 data: the approval alone is not enough; the restricted-data grant naming this app must be in force
        // (checked in memory, so expiry and revocation take effect at once) and every call is audited.
        Datasets.GrantScope? scope = null;
        if (grant.RestrictedDatasetId is { } restricted)
        {
            scope = await ctx.RequestServices.GetRequiredService<Datasets.IDatasetGrants>().AppScopeAsync(app.Id, restricted, ctx.RequestAborted);
            if (await RestrictedProblemAsync(ctx, app.Id, scope is not null, code) is { } refused) return refused;
        }

        var (rate, apiQuota) = await limits.EffectiveAsync(code, defaults, ctx.RequestAborted);
        var (allowed, remaining, retry) = limiter.TryTake(app.Id, code, rate);
        ctx.Response.Headers["X-RateLimit-Limit"] = rate.ToString(CultureInfo.InvariantCulture);
        ctx.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry)).ToString(CultureInfo.InvariantCulture);
            return ProblemDefaults.Problem(429, GatewayProblems.RateLimited, $"调用过于频繁：每个应用每分钟最多调用本接口 {rate} 次。");
        }
        var dailyLimit = grant.DailyQuota ?? apiQuota;
        var used = await quota.TryCountAsync(grant.Id, dailyLimit, ctx.RequestAborted);
        ctx.Response.Headers["X-Quota-Limit"] = dailyLimit.ToString(CultureInfo.InvariantCulture);
        ctx.Response.Headers["X-Quota-Remaining"] = Math.Max(0, dailyLimit - (used ?? dailyLimit)).ToString(CultureInfo.InvariantCulture);
        if (used is null)
            return ProblemDefaults.Problem(429, GatewayProblems.QuotaExceeded, $"今日调用次数已达上限（{dailyLimit} 次），请明天再试或联系管理员调整配额。");

        ctx.Items[typeof(SignedCall)] = new SignedCall { AppId = app.Id, ApplicationId = grant.Id, ApiCode = code, Body = body, Query = ParseQuery(rawQuery), Scope = scope };
        return await next(context);
    }

    private static async Task<IResult?> RestrictedProblemAsync(HttpContext ctx, int appId, bool allowed, string code)
    {
        await ctx.RequestServices.GetRequiredService<Infrastructure.Auditing.AuditLog>().WriteAsync(Datasets.DatasetAuditActions.RestrictedApiCall, $"api:{code}",
            $"app {appId}", succeeded: allowed, actorName: $"app:{appId}", ct: ctx.RequestAborted);
        return allowed ? null : ProblemDefaults.Problem(403, GatewayProblems.NotGranted,
            $"接口“{code}”属于有条件开放数据：受限数据授权已到期、已撤销或未包含该应用，请在个人中心重新提交受限数据申请。");
    }

    private static PortalDbContext Db(HttpContext ctx) => ctx.RequestServices.GetRequiredService<PortalDbContext>();

    private static async Task<byte[]?> ReadBodyAsync(HttpContext ctx, int max)
    {
        if (ctx.Request.ContentLength > max) return null;
        // A GET without a body (the common call) allocates nothing here.
        if (ctx.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false) return [];
        using var ms = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int n;
            while ((n = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
            {
                if (ms.Length + n > max) return null;
                ms.Write(buffer, 0, n);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
        return ms.ToArray();
    }

    private static List<KeyValuePair<string, string?>> ParseQuery(string raw) =>
        raw.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0 ? new KeyValuePair<string, string?>(Canonical.Decode(p), "")
                : new KeyValuePair<string, string?>(Canonical.Decode(p[..eq]), Canonical.Decode(p[(eq + 1)..]));
        }).ToList();
}
