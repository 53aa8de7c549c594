using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Datasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpenCondition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdateFrequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    TimeCoverage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SpatialCoverage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DataUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Formats = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<long>(type: "INTEGER", nullable: false),
                    ViewCount = table.Column<long>(type: "INTEGER", nullable: false),
                    DownloadCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ApiCallCount = table.Column<long>(type: "INTEGER", nullable: false),
                    FavoriteCount = table.Column<long>(type: "INTEGER", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingAverage = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Datasets_Counties_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "Counties",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Datasets_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Datasets_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DatasetFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Example = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetFields_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatasetSearch",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetSearch", x => x.DatasetId);
                    table.ForeignKey(
                        name: "FK_DatasetSearch_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatasetViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitorHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetViews_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DownloadEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DownloadEvents_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApiCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: true),
                    FieldCount = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Resources_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: true),
                    FieldCount = table.Column<int>(type: "INTEGER", nullable: true),
                    SampleJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceVersions_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Jobs_ResourceVersions_ResourceVersionId",
                        column: x => x.ResourceVersionId,
                        principalTable: "ResourceVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DatasetFields_DatasetId_Position",
                table: "DatasetFields",
                columns: new[] { "DatasetId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DatasetFields_Name",
                table: "DatasetFields",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_CountyCode",
                table: "Datasets",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_DepartmentId",
                table: "Datasets",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_DomainId",
                table: "Datasets",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_DownloadCount",
                table: "Datasets",
                column: "DownloadCount");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_IsPublished_DepartmentId",
                table: "Datasets",
                columns: new[] { "IsPublished", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_IsPublished_DomainId",
                table: "Datasets",
                columns: new[] { "IsPublished", "DomainId" });

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_Slug",
                table: "Datasets",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_UpdatedAt",
                table: "Datasets",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_ViewCount",
                table: "Datasets",
                column: "ViewCount");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetViews_DatasetId_Day_VisitorHash",
                table: "DatasetViews",
                columns: new[] { "DatasetId", "Day", "VisitorHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DownloadEvents_At",
                table: "DownloadEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DownloadEvents_DatasetId_At",
                table: "DownloadEvents",
                columns: new[] { "DatasetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ResourceVersionId",
                table: "Jobs",
                column: "ResourceVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_CreatedAt",
                table: "Jobs",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_ApiCode",
                table: "Resources",
                column: "ApiCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Resources_DatasetId",
                table: "Resources",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_Format",
                table: "Resources",
                column: "Format");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceVersions_ResourceId_Number",
                table: "ResourceVersions",
                columns: new[] { "ResourceId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatasetFields");

            migrationBuilder.DropTable(
                name: "DatasetSearch");

            migrationBuilder.DropTable(
                name: "DatasetViews");

            migrationBuilder.DropTable(
                name: "DownloadEvents");

            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "ResourceVersions");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropTable(
                name: "Datasets");
        }
    }
}
