using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Profiles.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PortalSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_sessions",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    auth0_session_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    browser = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    operating_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_mobile = table.Column<bool>(type: "boolean", nullable: false),
                    first_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    last_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    signed_in_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    last_seen_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    expires_at_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_sessions", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_portal_sessions_expiry",
                table: "portal_sessions",
                column: "expires_at_ms");

            migrationBuilder.CreateIndex(
                name: "ix_portal_sessions_user",
                table: "portal_sessions",
                column: "user_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_sessions");
        }
    }
}
