using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Umbraco.Comments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CourseComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "courseComment",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    VideoKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreateDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateDate = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courseComment", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courseComment_State_CreateDate",
                table: "courseComment",
                columns: new[] { "State", "CreateDate" });

            migrationBuilder.CreateIndex(
                name: "IX_courseComment_VideoKey_State",
                table: "courseComment",
                columns: new[] { "VideoKey", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courseComment");
        }
    }
}
