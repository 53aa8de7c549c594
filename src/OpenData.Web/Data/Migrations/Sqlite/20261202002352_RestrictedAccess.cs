using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestrictedAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RestrictedApplicationDatasets");

            migrationBuilder.DropTable(
                name: "RestrictedDocuments");

            migrationBuilder.DropTable(
                name: "RestrictedGrants");

            migrationBuilder.DropTable(
                name: "RestrictedSteps");

            migrationBuilder.DropTable(
                name: "RestrictedApplications");
        }
    }
}
