using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Version).HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Text).HasMaxLength(20000);
        b.Property(a => a.PublishedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.Kind, a.Version }).IsUnique();
    }
}

public sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> b)
    {
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Version).HasMaxLength(20);
        b.HasIndex(a => new { a.UserId, a.Kind, a.Version }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
