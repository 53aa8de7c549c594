using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenData.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReturnTo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SecurityMeasures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PeriodMonths = table.Column<int>(type: "integer", nullable: false),
                    AppIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false)
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
                        name: "FK_RestrictedApplicationDatasets_RestrictedApplications_Applic~",
                        column: x => x.ApplicationId,
                        principalTable: "RestrictedApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    AppIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
