using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bastion.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Discipline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MisconductReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    ConcernedOrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    ConcernedMemberId = table.Column<long>(type: "bigint", nullable: true),
                    ConcernedPersonName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Account = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HappenedWhen = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReporterMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecideDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Disposition = table.Column<int>(type: "integer", nullable: true),
                    CloseDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    PublicStatement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MisconductReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MisconductReports_Members_ConcernedMemberId",
                        column: x => x.ConcernedMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MisconductReports_Organizations_ConcernedOrganizationId",
                        column: x => x.ConcernedOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MisconductReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MisconductReportEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    HandlerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MisconductReportEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MisconductReportEvents_MisconductReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MisconductReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReportEvents_ReportId_On",
                table: "MisconductReportEvents",
                columns: new[] { "ReportId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_ConcernedMemberId",
                table: "MisconductReports",
                column: "ConcernedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_ConcernedOrganizationId_Status",
                table: "MisconductReports",
                columns: new[] { "ConcernedOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_OrganizationId_Status",
                table: "MisconductReports",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_RegionId",
                table: "MisconductReports",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_Status_ClosedOn",
                table: "MisconductReports",
                columns: new[] { "Status", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MisconductReports_TrackingCode",
                table: "MisconductReports",
                column: "TrackingCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MisconductReportEvents");

            migrationBuilder.DropTable(
                name: "MisconductReports");
        }
    }
}
