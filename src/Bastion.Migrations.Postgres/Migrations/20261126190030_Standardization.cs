using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bastion.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: true),
                    ModelBarred = table.Column<bool>(type: "boolean", nullable: false),
                    IdentifiedWeak = table.Column<bool>(type: "boolean", nullable: false),
                    HighWarnings = table.Column<int>(type: "integer", nullable: false),
                    HighWarningsPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupersedeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededById = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: true),
                    Awarded = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<double>(type: "double precision", nullable: true),
                    Numerator = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    FigureSource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EvidenceId = table.Column<long>(type: "bigint", nullable: true),
                    InspectedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InspectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standardization_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_standardization_items_standardization_assessments_Assessmen~",
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
