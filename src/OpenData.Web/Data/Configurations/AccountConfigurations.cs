using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.RealName).HasMaxLength(50);
        b.Property(u => u.IdNumberCipher).HasMaxLength(512);
        b.Property(u => u.IdNumberLookup).HasMaxLength(64);
        b.Property(u => u.IdNumberMasked).HasMaxLength(32);
        b.Property(u => u.PhoneCipher).HasMaxLength(512);
        b.Property(u => u.PhoneLookup).HasMaxLength(64);
        b.Property(u => u.PhoneMasked).HasMaxLength(20);
        b.Property(u => u.SessionStamp).HasMaxLength(36);
        b.Property(u => u.Gender).HasMaxLength(4);
        b.Property(u => u.Industry).HasMaxLength(50);
        b.Property(u => u.Occupation).HasMaxLength(50);
        b.Property(u => u.AgreementVersion).HasMaxLength(20);
        b.HasIndex(u => u.IdNumberLookup);
        b.HasIndex(u => u.PhoneNumber);
        b.HasIndex(u => u.PhoneLookup);
        b.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.Category).HasMaxLength(30);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.Link).HasMaxLength(500);
        b.HasIndex(m => new { m.UserId, m.ReadAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
