using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class DeveloperAppConfiguration : IEntityTypeConfiguration<DeveloperApp>
{
    public void Configure(EntityTypeBuilder<DeveloperApp> b)
    {
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.AppKey).HasMaxLength(12);
        b.Property(a => a.SecretCipher).HasMaxLength(1000);
        b.Property(a => a.PreviousSecretCipher).HasMaxLength(1000);
        b.HasIndex(a => a.AppKey).IsUnique();
        b.HasIndex(a => a.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApiApplicationConfiguration : IEntityTypeConfiguration<ApiApplication>
{
    public void Configure(EntityTypeBuilder<ApiApplication> b)
    {
        b.Property(a => a.ApiCode).HasMaxLength(40);
        b.Property(a => a.Category).HasMaxLength(50);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.ReviewReason).HasMaxLength(1000);
        b.HasIndex(a => new { a.AppId, a.ApiCode });
        b.HasIndex(a => new { a.Status, a.CreatedAt });
        b.HasOne(a => a.App).WithMany().HasForeignKey(a => a.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApiNonceConfiguration : IEntityTypeConfiguration<ApiNonce>
{
    public void Configure(EntityTypeBuilder<ApiNonce> b)
    {
        b.HasKey(n => new { n.AppId, n.Nonce });
        b.Property(n => n.Nonce).HasMaxLength(32);
        b.HasIndex(n => n.ExpiresAt);
    }
}

public sealed class ApiDailyUsageConfiguration : IEntityTypeConfiguration<ApiDailyUsage>
{
    public void Configure(EntityTypeBuilder<ApiDailyUsage> b) => b.HasKey(u => new { u.ApplicationId, u.Day });
}

public sealed class ApiCallLogConfiguration : IEntityTypeConfiguration<ApiCallLog>
{
    public void Configure(EntityTypeBuilder<ApiCallLog> b)
    {
        b.Property(c => c.ApiCode).HasMaxLength(40);
        b.Property(c => c.IpAddress).HasMaxLength(64);
        b.HasIndex(c => new { c.AppId, c.At });
        b.HasIndex(c => new { c.ApiCode, c.At });
    }
}

public sealed class ApiProfileConfiguration : IEntityTypeConfiguration<ApiProfile>
{
    public void Configure(EntityTypeBuilder<ApiProfile> b)
    {
        b.HasKey(p => p.ApiCode);
        b.Property(p => p.ApiCode).HasMaxLength(40);
    }
}

public sealed class ServiceApiConfiguration : IEntityTypeConfiguration<ServiceApi>
{
    public void Configure(EntityTypeBuilder<ServiceApi> b)
    {
        b.Property(s => s.Code).HasMaxLength(40);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Description).HasMaxLength(2000);
        b.Property(s => s.Method).HasMaxLength(8);
        b.Property(s => s.UpstreamUrl).HasMaxLength(1000);
        b.Property(s => s.Parameters).HasMaxLength(4000);
        b.Property(s => s.Example).HasMaxLength(8000);
        b.HasIndex(s => s.Code).IsUnique();
        b.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
