using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConcurrencyLab.Portal.Data.Migrations;

/// <summary>
/// Runs are written while they run: events move to compressed chunks, and runs gain an owner, an end
/// time, a size and a summary. Runs stored before keep their events as one uncompressed chunk.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201090000_RunsThatLast")]
public sealed class RunsThatLast : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "OwnerId", table: "Runs", type: "TEXT", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "EndedUtc", table: "Runs", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<long>(name: "StoredBytes", table: "Runs", type: "INTEGER", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<string>(name: "SummaryJson", table: "Runs", type: "TEXT", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Runs_OwnerId_CreatedUtc", table: "Runs", columns: ["OwnerId", "CreatedUtc"]);

        migrationBuilder.CreateTable(
            name: "RunChunks",
            columns: table => new
            {
                RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                First = table.Column<int>(type: "INTEGER", nullable: false),
                Count = table.Column<int>(type: "INTEGER", nullable: false),
                Encoding = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                Data = table.Column<byte[]>(type: "BLOB", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RunChunks", x => new { x.RunId, x.First });
                table.ForeignKey("FK_RunChunks_Runs_RunId", x => x.RunId, "Runs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.Sql("""
            INSERT INTO "RunChunks" ("RunId", "First", "Count", "Encoding", "Data")
                SELECT "Id", 0, "EventCount", 'json', CAST("EventsJson" AS BLOB) FROM "Runs";
            UPDATE "Runs" SET "StoredBytes" = length(CAST("EventsJson" AS BLOB)), "EndedUtc" = "CreatedUtc";
            """);
        // SQLite drops a plain column in place; EF's DropColumn would rebuild the table, and with it the chunks' foreign key.
        migrationBuilder.Sql("""ALTER TABLE "Runs" DROP COLUMN "EventsJson";""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "Runs" ADD COLUMN "EventsJson" TEXT NOT NULL DEFAULT '[]';""");
        migrationBuilder.Sql("""
            UPDATE "Runs" SET "EventsJson" = (SELECT CAST("Data" AS TEXT) FROM "RunChunks"
                WHERE "RunChunks"."RunId" = "Runs"."Id" AND "Encoding" = 'json' AND "First" = 0);
            """);
        migrationBuilder.DropTable(name: "RunChunks");
        migrationBuilder.DropIndex(name: "IX_Runs_OwnerId_CreatedUtc", table: "Runs");
        foreach (var column in new[] { "OwnerId", "EndedUtc", "StoredBytes", "SummaryJson" })
        {
            migrationBuilder.Sql($"""ALTER TABLE "Runs" DROP COLUMN "{column}";""");
        }
    }
}
