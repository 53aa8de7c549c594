using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Accounts;

public sealed record ApiTokenDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreatedToken(int Id, string Name, string Token);

/// <summary>Personal API tokens: "odp_" + 32 random bytes (base64url). Stored as SHA-256 only.</summary>
public sealed class ApiTokens(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "odp_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<CreatedToken> CreateAsync(string userId, string userName, string name, CancellationToken ct = default)
    {
        name = string.IsNullOrWhiteSpace(name) ? "未命名令牌" : name.Trim();
        if (name.Length > 100) name = name[..100];
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken { UserId = userId, Name = name, Prefix = token[..10], Hash = Hash(token), CreatedAt = clock.GetUtcNow() };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.TokenCreated, $"user:{userName}", $"token #{row.Id} {name}", actorName: userName, ct: ct);
        return new CreatedToken(row.Id, name, token);
    }

    public Task<List<ApiTokenDto>> ListAsync(string userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs or not found.</summary>
    public async Task<bool> RevokeAsync(string userId, string userName, int id, CancellationToken ct = default)
    {
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (row is null) return false;
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditActions.TokenRevoked, $"user:{userName}", $"token #{id}", actorName: userName, ct: ct);
        }
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
