using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StrengthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Organizations = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OwnNumerator = table.Column<double>(type: "REAL", nullable: false),
                    OwnDenominator = table.Column<double>(type: "REAL", nullable: false),
                    Numerator = table.Column<double>(type: "REAL", nullable: false),
                    Denominator = table.Column<double>(type: "REAL", nullable: false),
                    OwnScore = table.Column<double>(type: "REAL", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => new { x.RunId, x.OrganizationId, x.Code });
                    table.ForeignKey(
                        name: "FK_indicator_values_assessment_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "assessment_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organization_scores",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitType = table.Column<int>(type: "INTEGER", nullable: true),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    SubtreeMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    Political = table.Column<double>(type: "REAL", nullable: true),
                    Development = table.Column<double>(type: "REAL", nullable: true),
                    Cohesion = table.Column<double>(type: "REAL", nullable: true),
                    Renewal = table.Column<double>(type: "REAL", nullable: true),
                    Total = table.Column<double>(type: "REAL", nullable: true),
                    SiblingRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Siblings = table.Column<int>(type: "INTEGER", nullable: false),
                    KindRank = table.Column<int>(type: "INTEGER", nullable: true),
                    KindSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousTotal = table.Column<double>(type: "REAL", nullable: true),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    SubtreeWarnings = table.Column<int>(type: "INTEGER", nullable: false),
                    HighWarnings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_scores", x => new { x.RunId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_organization_scores_assessment_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "assessment_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strength_warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Situation = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strength_warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_strength_warnings_assessment_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "assessment_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_runs_Period",
                table: "assessment_runs",
                column: "Period",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organization_scores_OrganizationId_RunId",
                table: "organization_scores",
                columns: new[] { "OrganizationId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_organization_scores_RunId_ParentId",
                table: "organization_scores",
                columns: new[] { "RunId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_strength_warnings_OrganizationId_RunId",
                table: "strength_warnings",
                columns: new[] { "OrganizationId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_strength_warnings_RunId_OrganizationId",
                table: "strength_warnings",
                columns: new[] { "RunId", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "organization_scores");

            migrationBuilder.DropTable(
                name: "strength_warnings");

            migrationBuilder.DropTable(
                name: "assessment_runs");
        }
    }
}
