using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class MapLayerConfiguration : IEntityTypeConfiguration<MapLayer>
{
    public void Configure(EntityTypeBuilder<MapLayer> b)
    {
        b.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.LngField).HasMaxLength(100);
        b.Property(l => l.LatField).HasMaxLength(100);
        b.Property(l => l.Crs).HasMaxLength(8);
        b.Property(l => l.TableName).HasMaxLength(100);
        b.Property(l => l.Note).HasMaxLength(500);
        b.HasIndex(l => l.ResourceId).IsUnique();
        b.HasOne(l => l.Resource).WithMany().HasForeignKey(l => l.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MapBoundaryConfiguration : IEntityTypeConfiguration<MapBoundary>
{
    public void Configure(EntityTypeBuilder<MapBoundary> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Areas).HasMaxLength(4000);
        b.Property(x => x.UploadedByName).HasMaxLength(256);
        b.HasIndex(x => x.UploadedAt);
    }
}
