using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConcurrencyLab.Portal.Data.Migrations;

/// <summary>Stored runs.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122050000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Runs",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                DemoId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                DurationMicros = table.Column<long>(type: "INTEGER", nullable: false),
                EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                EventsJson = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Runs", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_Runs_CreatedUtc", table: "Runs", column: "CreatedUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Runs");
}
