using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Standardization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "standardization_assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    ModelBarred = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdentifiedWeak = table.Column<bool>(type: "INTEGER", nullable: false),
                    HighWarnings = table.Column<int>(type: "INTEGER", nullable: false),
                    HighWarningsPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersedeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersededById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standardization_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_standardization_assessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "standardization_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: true),
                    Awarded = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<double>(type: "REAL", nullable: true),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    FigureSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceId = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InspectedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standardization_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_standardization_items_standardization_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "standardization_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_standardization_assessments_OrganizationId_Year_Status",
                table: "standardization_assessments",
                columns: new[] { "OrganizationId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_standardization_assessments_Status_OrganizationId",
                table: "standardization_assessments",
                columns: new[] { "Status", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_standardization_items_AssessmentId_Code",
                table: "standardization_items",
                columns: new[] { "AssessmentId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standardization_items");

            migrationBuilder.DropTable(
                name: "standardization_assessments");
        }
    }
}
