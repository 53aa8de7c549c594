using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class NewsArticleConfiguration : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(100_000);
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.AuthorName).HasMaxLength(256);
        // The public lists: published articles of a category, newest first.
        b.HasIndex(x => new { x.IsPublished, x.Category, x.PublishAt });
        b.HasIndex(x => new { x.IsPublished, x.PublishAt });
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NewsAttachmentConfiguration : IEntityTypeConfiguration<NewsAttachment>
{
    public void Configure(EntityTypeBuilder<NewsAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.FileHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}
