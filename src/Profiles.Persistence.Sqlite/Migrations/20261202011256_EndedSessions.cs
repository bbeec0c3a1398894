using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Profiles.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EndedSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ended_sessions",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ended_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    forget_after_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ended_sessions", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ended_sessions_forget_after_ms",
                table: "ended_sessions",
                column: "forget_after_ms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ended_sessions");
        }
    }
}
