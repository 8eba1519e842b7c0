using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cascades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssuerOrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cascades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cascades_Organizations_IssuerOrganizationId",
                        column: x => x.IssuerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionBanks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PublisherPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionBanks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionBanks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponsibilityLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PositionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MainDuties = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PartyBuildingDuties = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponsibilityLists_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponsibilityLists_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CascadeTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CascadeId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedByOrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentTargetId = table.Column<long>(type: "INTEGER", nullable: true),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CascadeTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CascadeTargets_CascadeTargets_ParentTargetId",
                        column: x => x.ParentTargetId,
                        principalTable: "CascadeTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CascadeTargets_Cascades_CascadeId",
                        column: x => x.CascadeId,
                        principalTable: "Cascades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CascadeTargets_Organizations_AssignedByOrganizationId",
                        column: x => x.AssignedByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CascadeTargets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CascadeId = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuerOrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportRequirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NumberLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequiresEvidence = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directives_Cascades_CascadeId",
                        column: x => x.CascadeId,
                        principalTable: "Cascades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Organizations_IssuerOrganizationId",
                        column: x => x.IssuerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PublisherPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CascadeId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyCampaigns_Cascades_CascadeId",
                        column: x => x.CascadeId,
                        principalTable: "Cascades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyCampaigns_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BankId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnswerMask = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_QuestionBanks_BankId",
                        column: x => x.BankId,
                        principalTable: "QuestionBanks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BankId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PublisherPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PassPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quizzes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quizzes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Quizzes_QuestionBanks_BankId",
                        column: x => x.BankId,
                        principalTable: "QuestionBanks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CascadeTargetEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CascadeTargetEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CascadeTargetEvents_CascadeTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CascadeTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CascadeTargetEvents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccountabilityActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectiveId = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountabilityActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountabilityActions_CascadeTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CascadeTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountabilityActions_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountabilityActions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectiveId = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Supervisors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_CascadeTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CascadeTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyMaterials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PublisherPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AttachmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreditHours = table.Column<double>(type: "REAL", nullable: false),
                    LengthMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMaterials_StudyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "StudyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Hours = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_StudyCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "StudyCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QuestionIdsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hours = table.Column<double>(type: "REAL", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyRecords_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyRecords_StudyMaterials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "StudyMaterials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hours = table.Column<double>(type: "REAL", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityActions_DirectiveId_OrganizationId",
                table: "AccountabilityActions",
                columns: new[] { "DirectiveId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityActions_OrganizationId",
                table: "AccountabilityActions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountabilityActions_TargetId_DecidedOn",
                table: "AccountabilityActions",
                columns: new[] { "TargetId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cascades_IssuerOrganizationId_Subject_CreatedAt",
                table: "Cascades",
                columns: new[] { "IssuerOrganizationId", "Subject", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargetEvents_OrganizationId",
                table: "CascadeTargetEvents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargetEvents_TargetId_CreatedAt",
                table: "CascadeTargetEvents",
                columns: new[] { "TargetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargets_AssignedByOrganizationId",
                table: "CascadeTargets",
                column: "AssignedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargets_CascadeId_OrganizationId",
                table: "CascadeTargets",
                columns: new[] { "CascadeId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargets_OrganizationId_State",
                table: "CascadeTargets",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargets_ParentTargetId",
                table: "CascadeTargets",
                column: "ParentTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_CascadeTargets_State_DueOn",
                table: "CascadeTargets",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_CascadeId",
                table: "Directives",
                column: "CascadeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuerOrganizationId_CreatedAt",
                table: "Directives",
                columns: new[] { "IssuerOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionBanks_OrganizationId",
                table: "QuestionBanks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionBanks_PublisherPath",
                table: "QuestionBanks",
                column: "PublisherPath");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_BankId",
                table: "Questions",
                column: "BankId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_MemberId",
                table: "QuizAttempts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_OrganizationId",
                table: "QuizAttempts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_QuizId_MemberId",
                table: "QuizAttempts",
                columns: new[] { "QuizId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_QuizId_OrganizationId",
                table: "QuizAttempts",
                columns: new[] { "QuizId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_BankId",
                table: "Quizzes",
                column: "BankId");

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_OrganizationId",
                table: "Quizzes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_PublisherPath",
                table: "Quizzes",
                column: "PublisherPath");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityLists_OrganizationId_Year",
                table: "ResponsibilityLists",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityLists_PositionId_Year",
                table: "ResponsibilityLists",
                columns: new[] { "PositionId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyCampaigns_CascadeId",
                table: "StudyCampaigns",
                column: "CascadeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyCampaigns_OrganizationId",
                table: "StudyCampaigns",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyCampaigns_PublisherPath_StartsOn",
                table: "StudyCampaigns",
                columns: new[] { "PublisherPath", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_AttachmentId",
                table: "StudyMaterials",
                column: "AttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_CampaignId",
                table: "StudyMaterials",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_OrganizationId",
                table: "StudyMaterials",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMaterials_PublisherPath_CreatedAt",
                table: "StudyMaterials",
                columns: new[] { "PublisherPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyRecords_MaterialId_MemberId",
                table: "StudyRecords",
                columns: new[] { "MaterialId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyRecords_MemberId_Year",
                table: "StudyRecords",
                columns: new[] { "MemberId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyRecords_OrganizationId_Year",
                table: "StudyRecords",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_DirectiveId_OrganizationId",
                table: "SupervisionRecords",
                columns: new[] { "DirectiveId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_OrganizationId",
                table: "SupervisionRecords",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_TargetId_CheckedOn",
                table: "SupervisionRecords",
                columns: new[] { "TargetId", "CheckedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_MemberId_Year",
                table: "TrainingAttendances",
                columns: new[] { "MemberId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_OrganizationId_Year",
                table: "TrainingAttendances",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_SessionId_MemberId",
                table: "TrainingAttendances",
                columns: new[] { "SessionId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_CampaignId",
                table: "TrainingSessions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_OrganizationId_HeldOn",
                table: "TrainingSessions",
                columns: new[] { "OrganizationId", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountabilityActions");

            migrationBuilder.DropTable(
                name: "CascadeTargetEvents");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "QuizAttempts");

            migrationBuilder.DropTable(
                name: "ResponsibilityLists");

            migrationBuilder.DropTable(
                name: "StudyRecords");

            migrationBuilder.DropTable(
                name: "SupervisionRecords");

            migrationBuilder.DropTable(
                name: "TrainingAttendances");

            migrationBuilder.DropTable(
                name: "Quizzes");

            migrationBuilder.DropTable(
                name: "StudyMaterials");

            migrationBuilder.DropTable(
                name: "CascadeTargets");

            migrationBuilder.DropTable(
                name: "Directives");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "QuestionBanks");

            migrationBuilder.DropTable(
                name: "StudyCampaigns");

            migrationBuilder.DropTable(
                name: "Cascades");
        }
    }
}
