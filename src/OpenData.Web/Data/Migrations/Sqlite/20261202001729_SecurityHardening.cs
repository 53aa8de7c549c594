using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenData.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityHardening : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneLookup",
                table: "AspNetUsers",
                column: "PhoneLookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
