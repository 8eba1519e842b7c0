using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretaryMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IndexAttached = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndexPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    IndexAsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IndexRuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Total = table.Column<double>(type: "REAL", nullable: true),
                    Political = table.Column<double>(type: "REAL", nullable: true),
                    Development = table.Column<double>(type: "REAL", nullable: true),
                    Cohesion = table.Column<double>(type: "REAL", nullable: true),
                    Renewal = table.Column<double>(type: "REAL", nullable: true),
                    SiblingRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Siblings = table.Column<int>(type: "INTEGER", nullable: true),
                    SubtreeWarnings = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Ratings = table.Column<int>(type: "INTEGER", nullable: false),
                    Good = table.Column<int>(type: "INTEGER", nullable: false),
                    FairlyGood = table.Column<int>(type: "INTEGER", nullable: false),
                    Average = table.Column<int>(type: "INTEGER", nullable: false),
                    Poor = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Situation = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
