using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class FavoriteConfiguration : IEntityTypeConfiguration<Favorite>
{
    public void Configure(EntityTypeBuilder<Favorite> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(100);
        b.HasIndex(x => new { x.UserId, x.ItemKind, x.ItemKey }).IsUnique();
        b.HasIndex(x => new { x.ItemKind, x.ItemKey });
    }
}

public sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(100);
        b.HasIndex(x => new { x.UserId, x.ItemKind, x.ItemKey }).IsUnique();
        b.HasIndex(x => new { x.ItemKind, x.ItemKey });
    }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(100);
        b.Property(x => x.DepartmentCode).HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Body).HasMaxLength(1000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.HeldReason).HasMaxLength(100);
        b.Property(x => x.Reply).HasMaxLength(1000);
        b.Property(x => x.ReplyDepartment).HasMaxLength(100);
        b.HasIndex(x => new { x.ItemKind, x.ItemKey, x.CreatedAt });
        b.HasIndex(x => new { x.DepartmentCode, x.RepliedAt });
        b.HasIndex(x => x.Status);
    }
}

public sealed class ErrorReportConfiguration : IEntityTypeConfiguration<ErrorReport>
{
    public void Configure(EntityTypeBuilder<ErrorReport> b)
    {
        b.Property(x => x.ItemKind).HasMaxLength(16);
        b.Property(x => x.ItemKey).HasMaxLength(100);
        b.Property(x => x.ItemTitle).HasMaxLength(200);
        b.Property(x => x.DepartmentCode).HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Reply).HasMaxLength(1000);
        b.HasIndex(x => new { x.ItemKind, x.ItemKey });
        b.HasIndex(x => new { x.DepartmentCode, x.Status });
        b.HasIndex(x => x.UserId);
    }
}

public sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.UserId, x.DatasetId }).IsUnique();
        b.HasIndex(x => x.DatasetId);
        b.HasOne<Dataset>().WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DatasetUpdateConfiguration : IEntityTypeConfiguration<DatasetUpdate>
{
    public void Configure(EntityTypeBuilder<DatasetUpdate> b)
    {
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.HasIndex(x => new { x.DatasetId, x.At });
        b.HasOne<Dataset>().WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
