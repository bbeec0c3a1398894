using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Profiles.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_cooldowns",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    not_before_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_cooldowns", x => new { x.user_key, x.action });
                });

            migrationBuilder.CreateTable(
                name: "deletion_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    requested_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    completed_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    identities_removed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deletion_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deletion_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    due_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    last_error = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cancel_token_hash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    completed_at_ms = table.Column<long>(type: "bigint", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deletion_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ended_sessions",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ended_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    forget_after_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ended_sessions", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "pending_email_changes",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    new_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    expires_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_email_changes", x => x.user_key);
                });

            migrationBuilder.CreateTable(
                name: "portal_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_secrets", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "rate_limit_buckets",
                columns: table => new
                {
                    bucket_group = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tokens = table.Column<double>(type: "double precision", nullable: false),
                    last_refill_ms = table.Column<long>(type: "bigint", nullable: false),
                    paused_until_ms = table.Column<long>(type: "bigint", nullable: false),
                    anchored = table.Column<bool>(type: "boolean", nullable: false),
                    burst = table.Column<int>(type: "integer", nullable: false),
                    rate_per_second = table.Column<double>(type: "double precision", nullable: false),
                    refills_every_second = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_limit_buckets", x => x.bucket_group);
                });

            migrationBuilder.CreateTable(
                name: "security_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_security_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "session_revocations",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revoked_before_ms = table.Column<long>(type: "bigint", nullable: false),
                    keep_session_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_revocations", x => x.user_key);
                });

            migrationBuilder.CreateIndex(
                name: "ux_deletion_audit_request",
                table: "deletion_audit",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deletion_requests_cancel",
                table: "deletion_requests",
                column: "cancel_token_hash");

            migrationBuilder.CreateIndex(
                name: "ix_deletion_requests_due",
                table: "deletion_requests",
                columns: new[] { "status", "next_attempt_at_ms" });

            migrationBuilder.CreateIndex(
                name: "ix_deletion_requests_user",
                table: "deletion_requests",
                column: "user_key");

            migrationBuilder.CreateIndex(
                name: "IX_ended_sessions_forget_after_ms",
                table: "ended_sessions",
                column: "forget_after_ms");

            migrationBuilder.CreateIndex(
                name: "ix_security_events_user_time",
                table: "security_events",
                columns: new[] { "user_key", "occurred_at_ms" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_cooldowns");

            migrationBuilder.DropTable(
                name: "deletion_audit");

            migrationBuilder.DropTable(
                name: "deletion_requests");

            migrationBuilder.DropTable(
                name: "ended_sessions");

            migrationBuilder.DropTable(
                name: "pending_email_changes");

            migrationBuilder.DropTable(
                name: "portal_secrets");

            migrationBuilder.DropTable(
                name: "rate_limit_buckets");

            migrationBuilder.DropTable(
                name: "security_events");

            migrationBuilder.DropTable(
                name: "session_revocations");
        }
    }
}
