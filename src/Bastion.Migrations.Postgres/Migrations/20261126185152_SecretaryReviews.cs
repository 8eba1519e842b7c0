using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bastion.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SecretaryReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SecretaryReviewRounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretaryReviewRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretaryReviewRounds_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecretaryReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    SecretaryMemberId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IndexAttached = table.Column<bool>(type: "boolean", nullable: false),
                    IndexPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IndexAsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    IndexRuleSetVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Total = table.Column<double>(type: "double precision", nullable: true),
                    Political = table.Column<double>(type: "double precision", nullable: true),
                    Development = table.Column<double>(type: "double precision", nullable: true),
                    Cohesion = table.Column<double>(type: "double precision", nullable: true),
                    Renewal = table.Column<double>(type: "double precision", nullable: true),
                    SiblingRank = table.Column<int>(type: "integer", nullable: true),
                    Siblings = table.Column<int>(type: "integer", nullable: true),
                    SubtreeWarnings = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Ratings = table.Column<int>(type: "integer", nullable: false),
                    Good = table.Column<int>(type: "integer", nullable: false),
                    FairlyGood = table.Column<int>(type: "integer", nullable: false),
                    Average = table.Column<int>(type: "integer", nullable: false),
                    Poor = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretaryReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretaryReports_Members_SecretaryMemberId",
                        column: x => x.SecretaryMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretaryReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretaryReports_SecretaryReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SecretaryReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretaryReviewers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretaryReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretaryReviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretaryReviewers_SecretaryReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SecretaryReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretaryRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    ReviewerUserId = table.Column<long>(type: "bigint", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretaryRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretaryRatings_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretaryRatings_SecretaryReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecretaryReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretaryReportWarnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Situation = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretaryReportWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretaryReportWarnings_SecretaryReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SecretaryReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryRatings_ReportId_ReviewerUserId",
                table: "SecretaryRatings",
                columns: new[] { "ReportId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryRatings_ReviewerUserId",
                table: "SecretaryRatings",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryRatings_RoundId_ReviewerUserId",
                table: "SecretaryRatings",
                columns: new[] { "RoundId", "ReviewerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReports_OrganizationId_RoundId",
                table: "SecretaryReports",
                columns: new[] { "OrganizationId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReports_RoundId_OrganizationId",
                table: "SecretaryReports",
                columns: new[] { "RoundId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReports_SecretaryMemberId",
                table: "SecretaryReports",
                column: "SecretaryMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReportWarnings_ReportId",
                table: "SecretaryReportWarnings",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReviewers_RoundId_UserId",
                table: "SecretaryReviewers",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReviewers_UserId",
                table: "SecretaryReviewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReviewRounds_OrganizationId_Year",
                table: "SecretaryReviewRounds",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecretaryReviewRounds_RegionId",
                table: "SecretaryReviewRounds",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecretaryRatings");

            migrationBuilder.DropTable(
                name: "SecretaryReportWarnings");

            migrationBuilder.DropTable(
                name: "SecretaryReviewers");

            migrationBuilder.DropTable(
                name: "SecretaryReports");

            migrationBuilder.DropTable(
                name: "SecretaryReviewRounds");
        }
    }
}
