using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenData.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GeoJson = table.Column<string>(type: "text", nullable: false),
                    FeatureCount = table.Column<int>(type: "integer", nullable: false),
                    Areas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MapBoundaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MapLayers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResourceId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LngField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LatField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Crs = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TableName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ValidCount = table.Column<long>(type: "bigint", nullable: false),
                    OutsideCount = table.Column<long>(type: "bigint", nullable: false),
                    InvalidCount = table.Column<long>(type: "bigint", nullable: false),
                    SwapSuggested = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
