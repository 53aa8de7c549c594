using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Maps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_MapBoundaries_UploadedAt",
                table: "MapBoundaries",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MapLayers_ResourceId",
                table: "MapLayers",
                column: "ResourceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MapBoundaries");

            migrationBuilder.DropTable(
                name: "MapLayers");
        }
    }
}
