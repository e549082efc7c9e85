using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ConcurrencyVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Videos",
                type: "int",
                nullable: false,
                defaultValue: 1); // rows that existed before versions start at 1, as new ones do

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Techniques",
                type: "int",
                nullable: false,
                defaultValue: 1); // rows that existed before versions start at 1, as new ones do
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Techniques");
        }
    }
}
