using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DivisionCode",
                table: "Organizations",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FoundedOn",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewBusinessTags",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermStartedOn",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TermYears",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitType",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Education",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ethnicity",
                table: "Members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occupation",
                table: "Members",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneCipher",
                table: "Members",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "Members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_DivisionCode",
                table: "Organizations",
                column: "DivisionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_DivisionCode",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "DivisionCode",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "FoundedOn",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "NewBusinessTags",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "TermStartedOn",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "TermYears",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "UnitType",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Education",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Ethnicity",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Occupation",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "Members");
        }
    }
}
