using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneCipher",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneLookup",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SessionStamp",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 36,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "MapBoundaries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    FeatureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MapBoundaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MapLayers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LngField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LatField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Crs = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TableName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValidCount = table.Column<long>(type: "INTEGER", nullable: false),
                    OutsideCount = table.Column<long>(type: "INTEGER", nullable: false),
                    InvalidCount = table.Column<long>(type: "INTEGER", nullable: false),
                    SwapSuggested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MapLayers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MapLayers_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewsArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SecurityMeasures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PeriodMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AppIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RestrictedApplications_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShowcaseEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DeveloperAppId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    ViewCount = table.Column<long>(type: "INTEGER", nullable: false),
                    DownloadCount = table.Column<long>(type: "INTEGER", nullable: false),
                    FavoriteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingAverage = table.Column<double>(type: "REAL", nullable: false),
                    LinkState = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LinkCheckedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShowcaseEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShowcaseEntries_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShowcaseEntries_DeveloperApps_DeveloperAppId",
                        column: x => x.DeveloperAppId,
                        principalTable: "DeveloperApps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NewsAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsAttachments_NewsArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "NewsArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedApplicationDatasets",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedApplicationDatasets", x => new { x.ApplicationId, x.DatasetId });
                    table.ForeignKey(
                        name: "FK_RestrictedApplicationDatasets_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RestrictedApplicationDatasets_RestrictedApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RestrictedApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RestrictedDocuments_RestrictedApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RestrictedApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RestrictedGrants_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RestrictedGrants_RestrictedApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RestrictedApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RestrictedSteps_RestrictedApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RestrictedApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShowcaseRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeamContact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EmbedCode = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShowcaseRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShowcaseRevisions_ShowcaseEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ShowcaseEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShowcaseImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThumbHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Alt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShowcaseImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShowcaseImages_ShowcaseRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ShowcaseRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShowcaseLinks",
                columns: table => new
                {
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShowcaseLinks", x => new { x.RevisionId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_ShowcaseLinks_ShowcaseRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ShowcaseRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneLookup",
                table: "AspNetUsers",
                column: "PhoneLookup");

            migrationBuilder.CreateIndex(
                name: "IX_MapBoundaries_UploadedAt",
                table: "MapBoundaries",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MapLayers_ResourceId",
                table: "MapLayers",
                column: "ResourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_IsPublished_Category_PublishAt",
                table: "NewsArticles",
                columns: new[] { "IsPublished", "Category", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_IsPublished_PublishAt",
                table: "NewsArticles",
                columns: new[] { "IsPublished", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsAttachments_ArticleId",
                table: "NewsAttachments",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedApplicationDatasets_DatasetId",
                table: "RestrictedApplicationDatasets",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedApplications_DepartmentId",
                table: "RestrictedApplications",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedApplications_Status_DepartmentId_SubmittedAt",
                table: "RestrictedApplications",
                columns: new[] { "Status", "DepartmentId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedApplications_UserId_Status",
                table: "RestrictedApplications",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedDocuments_ApplicationId",
                table: "RestrictedDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedGrants_ApplicationId",
                table: "RestrictedGrants",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedGrants_DatasetId",
                table: "RestrictedGrants",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedGrants_ExpiresAt",
                table: "RestrictedGrants",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedGrants_UserId_DatasetId",
                table: "RestrictedGrants",
                columns: new[] { "UserId", "DatasetId" });

            migrationBuilder.CreateIndex(
                name: "IX_RestrictedSteps_ApplicationId",
                table: "RestrictedSteps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseEntries_DeveloperAppId",
                table: "ShowcaseEntries",
                column: "DeveloperAppId");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseEntries_OwnerId",
                table: "ShowcaseEntries",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseEntries_Status",
                table: "ShowcaseEntries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseImages_Hash",
                table: "ShowcaseImages",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseImages_RevisionId",
                table: "ShowcaseImages",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseImages_ThumbHash",
                table: "ShowcaseImages",
                column: "ThumbHash");

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseLinks_Kind_Key",
                table: "ShowcaseLinks",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseRevisions_EntryId_IsPublished",
                table: "ShowcaseRevisions",
                columns: new[] { "EntryId", "IsPublished" });

            migrationBuilder.CreateIndex(
                name: "IX_ShowcaseRevisions_IsPublished_DomainId",
                table: "ShowcaseRevisions",
                columns: new[] { "IsPublished", "DomainId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MapBoundaries");

            migrationBuilder.DropTable(
                name: "MapLayers");

            migrationBuilder.DropTable(
                name: "NewsAttachments");

            migrationBuilder.DropTable(
                name: "RestrictedApplicationDatasets");

            migrationBuilder.DropTable(
                name: "RestrictedDocuments");

            migrationBuilder.DropTable(
                name: "RestrictedGrants");

            migrationBuilder.DropTable(
                name: "RestrictedSteps");

            migrationBuilder.DropTable(
                name: "ShowcaseImages");

            migrationBuilder.DropTable(
                name: "ShowcaseLinks");

            migrationBuilder.DropTable(
                name: "NewsArticles");

            migrationBuilder.DropTable(
                name: "RestrictedApplications");

            migrationBuilder.DropTable(
                name: "ShowcaseRevisions");

            migrationBuilder.DropTable(
                name: "ShowcaseEntries");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PhoneLookup",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneLookup",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SessionStamp",
                table: "AspNetUsers");
        }
    }
}
