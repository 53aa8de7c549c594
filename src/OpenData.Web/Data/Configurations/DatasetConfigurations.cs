using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> b)
    {
        b.Property(d => d.Slug).HasMaxLength(80);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(4000);
        b.Property(d => d.Tags).HasMaxLength(500);
        b.Property(d => d.OpenCondition).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.UpdateFrequency).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.CountyCode).HasMaxLength(6);
        b.Property(d => d.TimeCoverage).HasMaxLength(100);
        b.Property(d => d.SpatialCoverage).HasMaxLength(100);
        b.Property(d => d.Contact).HasMaxLength(200);
        b.Property(d => d.Licence).HasMaxLength(100);
        b.Property(d => d.CreatedById).HasMaxLength(450);
        b.Property(d => d.Formats).HasMaxLength(100);
        b.HasIndex(d => d.Slug).IsUnique();
        b.HasIndex(d => new { d.IsPublished, d.DepartmentId });
        b.HasIndex(d => new { d.IsPublished, d.DomainId });
        b.HasIndex(d => d.UpdatedAt);
        b.HasIndex(d => d.ViewCount);
        b.HasIndex(d => d.DownloadCount);
        b.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Domain).WithMany().HasForeignKey(d => d.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.County).WithMany().HasForeignKey(d => d.CountyCode).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Fields).WithOne().HasForeignKey(f => f.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Resources).WithOne(r => r.Dataset).HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DatasetFieldConfiguration : IEntityTypeConfiguration<DatasetField>
{
    public void Configure(EntityTypeBuilder<DatasetField> b)
    {
        b.Property(f => f.Name).HasMaxLength(100);
        b.Property(f => f.Type).HasMaxLength(20);
        b.Property(f => f.Description).HasMaxLength(500);
        b.Property(f => f.Unit).HasMaxLength(20);
        b.Property(f => f.Example).HasMaxLength(200);
        b.HasIndex(f => new { f.DatasetId, f.Position });
        b.HasIndex(f => f.Name);
    }
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Format).HasMaxLength(16);
        b.Property(r => r.ApiCode).HasMaxLength(40);
        b.HasIndex(r => r.ApiCode).IsUnique();
        b.HasIndex(r => r.Format);
        b.HasMany(r => r.Versions).WithOne(v => v.Resource).HasForeignKey(v => v.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResourceVersionConfiguration : IEntityTypeConfiguration<ResourceVersion>
{
    public void Configure(EntityTypeBuilder<ResourceVersion> b)
    {
        b.Property(v => v.FileHash).HasMaxLength(64);
        b.Property(v => v.Format).HasMaxLength(16);
        b.Property(v => v.OriginalFileName).HasMaxLength(260);
        b.Property(v => v.SheetName).HasMaxLength(100);
        b.Property(v => v.ContentType).HasMaxLength(100);
        b.Property(v => v.UploadedById).HasMaxLength(450);
        b.Property(v => v.UploadedByName).HasMaxLength(256);
        b.Property(v => v.TableName).HasMaxLength(40);
        b.HasIndex(v => new { v.ResourceId, v.Number }).IsUnique();
    }
}

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.Property(j => j.Kind).HasMaxLength(32);
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.ErrorMessage).HasMaxLength(2000);
        b.Property(j => j.CreatedById).HasMaxLength(450);
        b.Property(j => j.ClaimedBy).HasMaxLength(200);
        b.HasIndex(j => new { j.State, j.CreatedAt });
        b.HasOne(j => j.ResourceVersion).WithMany().HasForeignKey(j => j.ResourceVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DatasetViewConfiguration : IEntityTypeConfiguration<DatasetView>
{
    public void Configure(EntityTypeBuilder<DatasetView> b)
    {
        b.Property(v => v.VisitorHash).HasMaxLength(64);
        b.HasIndex(v => new { v.DatasetId, v.Day, v.VisitorHash }).IsUnique();
        b.HasOne<Dataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DownloadEventConfiguration : IEntityTypeConfiguration<DownloadEvent>
{
    public void Configure(EntityTypeBuilder<DownloadEvent> b)
    {
        b.Property(e => e.Format).HasMaxLength(16);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.DatasetId, e.At });
        b.HasOne<Dataset>().WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DatasetSearchDocumentConfiguration : IEntityTypeConfiguration<DatasetSearchDocument>
{
    public void Configure(EntityTypeBuilder<DatasetSearchDocument> b)
    {
        b.ToTable("DatasetSearch");
        b.HasKey(s => s.DatasetId);
        b.Property(s => s.DatasetId).ValueGeneratedNever();
        b.HasOne<Dataset>().WithOne().HasForeignKey<DatasetSearchDocument>(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
