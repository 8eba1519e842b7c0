using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationalStrength : Migration
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
                name: "RectificationCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SituationMask = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WarningCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IdentifiedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaderPost = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstSecretary = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WorkTeam = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PairedUnit = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectifyingSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HasPassedCheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingEvidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationCases_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "RectificationChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationChecks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationChecks_RectificationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RectificationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationEvents_RectificationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RectificationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationNotes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationNotes_RectificationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RectificationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationSteps_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationSteps_RectificationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RectificationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_RectificationCases_OrganizationId_State",
                table: "RectificationCases",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationCases_RegionId",
                table: "RectificationCases",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationCases_State_Year",
                table: "RectificationCases",
                columns: new[] { "State", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationChecks_CaseId_CheckedOn",
                table: "RectificationChecks",
                columns: new[] { "CaseId", "CheckedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationChecks_OrganizationId",
                table: "RectificationChecks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvents_CaseId_Id",
                table: "RectificationEvents",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvents_OrganizationId",
                table: "RectificationEvents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotes_CaseId_On",
                table: "RectificationNotes",
                columns: new[] { "CaseId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotes_OrganizationId",
                table: "RectificationNotes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationSteps_CaseId_Number",
                table: "RectificationSteps",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationSteps_CompletedOn_DueOn",
                table: "RectificationSteps",
                columns: new[] { "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationSteps_OrganizationId",
                table: "RectificationSteps",
                column: "OrganizationId");

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
                name: "RectificationChecks");

            migrationBuilder.DropTable(
                name: "RectificationEvents");

            migrationBuilder.DropTable(
                name: "RectificationNotes");

            migrationBuilder.DropTable(
                name: "RectificationSteps");

            migrationBuilder.DropTable(
                name: "SecretaryRatings");

            migrationBuilder.DropTable(
                name: "SecretaryReportWarnings");

            migrationBuilder.DropTable(
                name: "SecretaryReviewers");

            migrationBuilder.DropTable(
                name: "standardization_items");

            migrationBuilder.DropTable(
                name: "strength_warnings");

            migrationBuilder.DropTable(
                name: "RectificationCases");

            migrationBuilder.DropTable(
                name: "SecretaryReports");

            migrationBuilder.DropTable(
                name: "standardization_assessments");

            migrationBuilder.DropTable(
                name: "assessment_runs");

            migrationBuilder.DropTable(
                name: "SecretaryReviewRounds");
        }
    }
}
