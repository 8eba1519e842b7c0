using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DevelopmentAndDiscipline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResidentIdCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ResidentIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResidentIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentStep = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueStep = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProbationExtendedMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentPlans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MisconductReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcernedOrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcernedMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcernedPersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Account = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HappenedWhen = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReporterCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReporterMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecideDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Disposition = table.Column<int>(type: "INTEGER", nullable: true),
                    CloseDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicStatement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "CandidateRelatives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateRelatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateRelatives_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CandidateRelatives_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateRelatives_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrainingHours = table.Column<int>(type: "INTEGER", nullable: true),
                    TrainingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalExtended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExtensionMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingResolutionId = table.Column<long>(type: "INTEGER", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_MeetingResolutions_MeetingResolutionId",
                        column: x => x.MeetingResolutionId,
                        principalTable: "MeetingResolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentSteps_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MisconductReportEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "DevelopmentStepPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StepId = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentStepPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentStepPeople_DevelopmentSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "DevelopmentSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DevelopmentStepPeople_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentStepPeople_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRelatives_CandidateId_MemberId",
                table: "CandidateRelatives",
                columns: new[] { "CandidateId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRelatives_MemberId",
                table: "CandidateRelatives",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateRelatives_OrganizationId",
                table: "CandidateRelatives",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_MemberId",
                table: "Candidates",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_OrganizationId_Status_Stage",
                table: "Candidates",
                columns: new[] { "OrganizationId", "Status", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_RegionId_DueOn",
                table: "Candidates",
                columns: new[] { "RegionId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_ResidentIdHash",
                table: "Candidates",
                column: "ResidentIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_OrganizationId_Year",
                table: "DevelopmentPlans",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_CandidateId",
                table: "DevelopmentStepPeople",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_MemberId",
                table: "DevelopmentStepPeople",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_OrganizationId",
                table: "DevelopmentStepPeople",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentStepPeople_StepId",
                table: "DevelopmentStepPeople",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_CandidateId_Number",
                table: "DevelopmentSteps",
                columns: new[] { "CandidateId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_MeetingResolutionId",
                table: "DevelopmentSteps",
                column: "MeetingResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSteps_OrganizationId_Number_Date",
                table: "DevelopmentSteps",
                columns: new[] { "OrganizationId", "Number", "Date" });

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
                name: "CandidateRelatives");

            migrationBuilder.DropTable(
                name: "DevelopmentPlans");

            migrationBuilder.DropTable(
                name: "DevelopmentStepPeople");

            migrationBuilder.DropTable(
                name: "MisconductReportEvents");

            migrationBuilder.DropTable(
                name: "DevelopmentSteps");

            migrationBuilder.DropTable(
                name: "MisconductReports");

            migrationBuilder.DropTable(
                name: "Candidates");
        }
    }
}
