using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data.Configurations;

public sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.WantedFields).HasMaxLength(500);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.DepartmentCode).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reply).HasMaxLength(1000);
        b.Property(x => x.DatasetSlug).HasMaxLength(80);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => x.DepartmentCode);
    }
}

public sealed class DataRequestVoteConfiguration : IEntityTypeConfiguration<DataRequestVote>
{
    public void Configure(EntityTypeBuilder<DataRequestVote> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.RequestId, x.UserId }).IsUnique();
        b.HasOne<DataRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Reply).HasMaxLength(1000);
        b.HasIndex(x => x.CreatedAt);
    }
}

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(x => x.Text).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Options).HasMaxLength(2000);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.SurveyId, x.UserId }).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(x => x.Value).HasMaxLength(2000);
        b.HasIndex(x => x.QuestionId);
    }
}
