using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class ShowcaseEntryConfiguration : IEntityTypeConfiguration<ShowcaseEntry>
{
    public void Configure(EntityTypeBuilder<ShowcaseEntry> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.ReviewReason).HasMaxLength(1000);
        b.Property(x => x.ReviewedById).HasMaxLength(450);
        b.Property(x => x.LinkError).HasMaxLength(300);
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.DeveloperAppId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DeveloperApp>().WithMany().HasForeignKey(x => x.DeveloperAppId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Revisions).WithOne(r => r.Entry).HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ShowcaseRevisionConfiguration : IEntityTypeConfiguration<ShowcaseRevision>
{
    public void Configure(EntityTypeBuilder<ShowcaseRevision> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Tags).HasMaxLength(200);
        b.Property(x => x.TeamName).HasMaxLength(100);
        b.Property(x => x.TeamContact).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.EmbedCode).HasMaxLength(2000);
        b.Property(x => x.FileHash).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.SearchText).HasMaxLength(8000);
        b.HasIndex(x => new { x.EntryId, x.IsPublished });
        b.HasIndex(x => new { x.IsPublished, x.DomainId });
        b.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Images).WithOne().HasForeignKey(i => i.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ShowcaseLinkConfiguration : IEntityTypeConfiguration<ShowcaseLink>
{
    public void Configure(EntityTypeBuilder<ShowcaseLink> b)
    {
        b.HasKey(x => new { x.RevisionId, x.Kind, x.Key });
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Key).HasMaxLength(100);
        b.HasIndex(x => new { x.Kind, x.Key });
    }
}

public sealed class ShowcaseImageConfiguration : IEntityTypeConfiguration<ShowcaseImage>
{
    public void Configure(EntityTypeBuilder<ShowcaseImage> b)
    {
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ThumbHash).HasMaxLength(64);
        b.Property(x => x.MediaType).HasMaxLength(20);
        b.Property(x => x.Alt).HasMaxLength(200);
        b.HasIndex(x => x.Hash);
        b.HasIndex(x => x.ThumbHash);
    }
}
