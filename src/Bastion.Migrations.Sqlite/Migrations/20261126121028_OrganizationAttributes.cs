using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bastion.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationAttributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
