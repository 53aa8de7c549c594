using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class RestrictedApplicationConfiguration : IEntityTypeConfiguration<RestrictedApplication>
{
    public void Configure(EntityTypeBuilder<RestrictedApplication> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReturnTo).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Purpose).HasMaxLength(2000);
        b.Property(x => x.Scenario).HasMaxLength(2000);
        b.Property(x => x.Fields).HasMaxLength(2000);
        b.Property(x => x.SecurityMeasures).HasMaxLength(2000);
        b.Property(x => x.AppIds).HasMaxLength(200);
        b.Property(x => x.AgreementVersion).HasMaxLength(40);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Datasets).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.Status });
        b.HasIndex(x => new { x.Status, x.DepartmentId, x.SubmittedAt });
    }
}

public sealed class RestrictedApplicationDatasetConfiguration : IEntityTypeConfiguration<RestrictedApplicationDataset>
{
    public void Configure(EntityTypeBuilder<RestrictedApplicationDataset> b)
    {
        b.HasKey(x => new { x.ApplicationId, x.DatasetId });
        b.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RestrictedDocumentConfiguration : IEntityTypeConfiguration<RestrictedDocument>
{
    public void Configure(EntityTypeBuilder<RestrictedDocument> b)
    {
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.FileHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}

public sealed class RestrictedStepConfiguration : IEntityTypeConfiguration<RestrictedStep>
{
    public void Configure(EntityTypeBuilder<RestrictedStep> b)
    {
        b.Property(x => x.Stage).HasMaxLength(16);
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.ActorId).HasMaxLength(450);
    }
}

public sealed class RestrictedGrantConfiguration : IEntityTypeConfiguration<RestrictedGrant>
{
    public void Configure(EntityTypeBuilder<RestrictedGrant> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.AppIds).HasMaxLength(200);
        b.Property(x => x.Fields).HasMaxLength(2000);
        b.Property(x => x.RevokedReason).HasMaxLength(1000);
        b.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RestrictedApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.DatasetId });
        b.HasIndex(x => x.ExpiresAt);
    }
}
