using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ingestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnsJson",
                table: "ResourceVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IngestWarnings",
                table: "ResourceVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TableName",
                table: "ResourceVersions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Jobs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeartbeatAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "Jobs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ColumnsJson",
                table: "ResourceVersions");

            migrationBuilder.DropColumn(
                name: "IngestWarnings",
                table: "ResourceVersions");

            migrationBuilder.DropColumn(
                name: "TableName",
                table: "ResourceVersions");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Payload",
                table: "Jobs");
        }
    }
}
