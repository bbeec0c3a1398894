using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Profiles.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneOpenDeletionRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before the index, a user could be left with two open requests (two requests in the same millisecond). The
            // earliest one is kept, as the service always did; the later ones are marked cancelled so the index can be built.
            migrationBuilder.Sql(
                "UPDATE deletion_requests SET status = 'cancelled' " +
                "WHERE status IN ('pending', 'in_progress', 'failed') AND EXISTS (" +
                "SELECT 1 FROM deletion_requests AS earlier WHERE earlier.user_key = deletion_requests.user_key " +
                "AND earlier.status IN ('pending', 'in_progress', 'failed') " +
                "AND (earlier.requested_at_ms < deletion_requests.requested_at_ms " +
                "OR (earlier.requested_at_ms = deletion_requests.requested_at_ms AND earlier.id < deletion_requests.id)))");

            migrationBuilder.CreateIndex(
                name: "ux_deletion_requests_open_user",
                table: "deletion_requests",
                column: "user_key",
                unique: true,
                filter: "\"status\" IN ('pending', 'in_progress', 'failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_deletion_requests_open_user",
                table: "deletion_requests");
        }
    }
}
