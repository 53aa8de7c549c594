using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenData.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Showcase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShowcaseEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DeveloperAppId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReviewReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    ViewCount = table.Column<long>(type: "bigint", nullable: false),
                    DownloadCount = table.Column<long>(type: "bigint", nullable: false),
                    FavoriteCount = table.Column<int>(type: "integer", nullable: false),
                    RatingCount = table.Column<int>(type: "integer", nullable: false),
                    RatingAverage = table.Column<double>(type: "double precision", nullable: false),
                    LinkState = table.Column<int>(type: "integer", nullable: false),
                    LinkError = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LinkCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "ShowcaseRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Tags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DomainId = table.Column<int>(type: "integer", nullable: false),
                    TeamName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TeamContact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EmbedCode = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ThumbHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Alt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    RevisionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "ShowcaseImages");

            migrationBuilder.DropTable(
                name: "ShowcaseLinks");

            migrationBuilder.DropTable(
                name: "ShowcaseRevisions");

            migrationBuilder.DropTable(
                name: "ShowcaseEntries");
        }
    }
}
