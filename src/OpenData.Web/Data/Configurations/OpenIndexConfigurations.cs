using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> b)
    {
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(64);
        b.Property(x => x.Referrer).HasMaxLength(100);
        b.Property(x => x.Industry).HasMaxLength(50);
        b.Property(x => x.Occupation).HasMaxLength(50);
        b.Property(x => x.Region).HasMaxLength(50);
        b.Property(x => x.Network).HasMaxLength(50);
        // Retention deletes by time; the rollup reads by id (the primary key).
        b.HasIndex(x => x.At);
    }
}

public sealed class AccessDailyConfiguration : IEntityTypeConfiguration<AccessDaily>
{
    public void Configure(EntityTypeBuilder<AccessDaily> b)
    {
        // The whole dimension set is the key: the rollup's upsert (ON CONFLICT) adds to the row of its combination.
        b.HasKey(x => new { x.Day, x.Action, x.Channel, x.DepartmentId, x.Referrer, x.Industry, x.Occupation, x.Region });
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Referrer).HasMaxLength(100);
        b.Property(x => x.Industry).HasMaxLength(50);
        b.Property(x => x.Occupation).HasMaxLength(50);
        b.Property(x => x.Region).HasMaxLength(50);
        b.HasIndex(x => new { x.DepartmentId, x.Day });
    }
}

public sealed class ItemDailyConfiguration : IEntityTypeConfiguration<ItemDaily>
{
    public void Configure(EntityTypeBuilder<ItemDaily> b)
    {
        b.HasKey(x => new { x.Day, x.Action, x.ItemKind, x.ItemKey });
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(64);
        b.HasIndex(x => new { x.Action, x.ItemKind, x.Day });
        b.HasIndex(x => new { x.DepartmentId, x.Day });
    }
}

public sealed class AccessRollupStateConfiguration : IEntityTypeConfiguration<AccessRollupState>
{
    public void Configure(EntityTypeBuilder<AccessRollupState> b) => b.Property(x => x.Id).ValueGeneratedNever();
}
