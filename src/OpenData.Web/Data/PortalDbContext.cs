using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data;

/// <summary>The catalog database. Provider-specific subclasses exist only to own a migration set each.</summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Domain> Domains => Set<Domain>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetField> DatasetFields => Set<DatasetField>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceVersion> ResourceVersions => Set<ResourceVersion>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<DatasetView> DatasetViews => Set<DatasetView>();
    public DbSet<DownloadEvent> DownloadEvents => Set<DownloadEvent>();
    public DbSet<DatasetSearchDocument> DatasetSearch => Set<DatasetSearchDocument>();
    public DbSet<DeveloperApp> DeveloperApps => Set<DeveloperApp>();
    public DbSet<ApiApplication> ApiApplications => Set<ApiApplication>();
    public DbSet<ApiNonce> ApiNonces => Set<ApiNonce>();
    public DbSet<ApiDailyUsage> ApiDailyUsages => Set<ApiDailyUsage>();
    public DbSet<ApiCallLog> ApiCallLogs => Set<ApiCallLog>();
    public DbSet<ApiProfile> ApiProfiles => Set<ApiProfile>();
    public DbSet<ServiceApi> ServiceApis => Set<ServiceApi>();
    public DbSet<Favorite> Favorites => Set<Favorite>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ErrorReport> ErrorReports => Set<ErrorReport>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<DatasetUpdate> DatasetUpdates => Set<DatasetUpdate>();
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<DataRequestVote> DataRequestVotes => Set<DataRequestVote>();
    public DbSet<Feedback> Feedbacks => Set<Feedback>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementAcceptance> AgreementAcceptances => Set<AgreementAcceptance>();
    public DbSet<RestrictedApplication> RestrictedApplications => Set<RestrictedApplication>();
    public DbSet<RestrictedApplicationDataset> RestrictedApplicationDatasets => Set<RestrictedApplicationDataset>();
    public DbSet<RestrictedDocument> RestrictedDocuments => Set<RestrictedDocument>();
    public DbSet<RestrictedStep> RestrictedSteps => Set<RestrictedStep>();
    public DbSet<RestrictedGrant> RestrictedGrants => Set<RestrictedGrant>();
    public DbSet<NewsArticle> NewsArticles => Set<NewsArticle>();
    public DbSet<NewsAttachment> NewsAttachments => Set<NewsAttachment>();
    public DbSet<ShowcaseEntry> ShowcaseEntries => Set<ShowcaseEntry>();
    public DbSet<ShowcaseRevision> ShowcaseRevisions => Set<ShowcaseRevision>();
    public DbSet<ShowcaseLink> ShowcaseLinks => Set<ShowcaseLink>();
    public DbSet<ShowcaseImage> ShowcaseImages => Set<ShowcaseImage>();
    public DbSet<MapLayer> MapLayers => Set<MapLayer>();
    public DbSet<MapBoundary> MapBoundaries => Set<MapBoundary>();
    public DbSet<AccessEvent> AccessEvents => Set<AccessEvent>();
    public DbSet<AccessDaily> AccessDaily => Set<AccessDaily>();
    public DbSet<ItemDaily> ItemDaily => Set<ItemDaily>();
    public DbSet<AccessRollupState> AccessRollupStates => Set<AccessRollupState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks there (ADR 0003).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The weighted full-text vector over the pre-segmented search document, kept by PostgreSQL itself (ADR 0020).
        var search = builder.Entity<DatasetSearchDocument>();
        search.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVectorColumn)
            .HasComputedColumnSql(
                "setweight(to_tsvector('simple', coalesce(\"Title\", '')), 'A') || " +
                "setweight(to_tsvector('simple', coalesce(\"Body\", '')), 'B') || " +
                "setweight(to_tsvector('simple', coalesce(\"Fields\", '')), 'C')", stored: true);
        search.HasIndex(SearchVectorColumn).HasMethod("GIN");
    }

    public const string SearchVectorColumn = "SearchVector";
}
