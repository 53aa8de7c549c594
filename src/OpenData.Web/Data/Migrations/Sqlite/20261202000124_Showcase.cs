using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
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
