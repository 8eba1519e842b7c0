using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MobileMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MobileRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HostOrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActivityCardNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FixedPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobileRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MobileRecords_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MobileRecords_Organizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MobileRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MobileContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MobileRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobileContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MobileContacts_MobileRecords_MobileRecordId",
                        column: x => x.MobileRecordId,
                        principalTable: "MobileRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MobileContacts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MobileContacts_MobileRecordId_ContactedOn",
                table: "MobileContacts",
                columns: new[] { "MobileRecordId", "ContactedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MobileContacts_OrganizationId",
                table: "MobileContacts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MobileContacts_RegionId",
                table: "MobileContacts",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_MobileRecords_HostOrganizationId",
                table: "MobileRecords",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MobileRecords_MemberId_Status",
                table: "MobileRecords",
                columns: new[] { "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MobileRecords_OrganizationId_Direction_Status",
                table: "MobileRecords",
                columns: new[] { "OrganizationId", "Direction", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MobileRecords_RegionId",
                table: "MobileRecords",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MobileContacts");

            migrationBuilder.DropTable(
                name: "MobileRecords");
        }
    }
}
