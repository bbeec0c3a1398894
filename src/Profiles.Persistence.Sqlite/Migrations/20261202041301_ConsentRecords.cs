using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Profiles.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    field_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    given = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    wording_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_user_time",
                table: "consent_records",
                columns: new[] { "user_key", "recorded_at_ms" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_records");
        }
    }
}
