using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Data;

/// <summary>Registers the SQLite database and brings its schema up to date at start-up.</summary>
public static class DataExtensions
{
    public static IServiceCollection AddPortalData(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<PortalDbContext>((provider, db) =>
        {
            var path = Path.GetFullPath(
                provider.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath,
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var connection = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true };
            db.UseSqlite(connection.ToString());
        });
        return services;
    }

    /// <summary>Creates the database folder, applies migrations and switches the file to WAL.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DataOptions>>().Value;
        var path = Path.GetFullPath(options.DatabasePath, app.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.PrepareAsync();
    }

    /// <summary>
    /// Brings the schema up to date and switches the file to WAL, where readers never wait for the writer
    /// (the file keeps that mode). Busy waits: Microsoft.Data.Sqlite retries a busy database for the
    /// command timeout (30 s). Write transactions start with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
    /// default, non-deferred), so none has to upgrade from reading to writing, where WAL could refuse it;
    /// and the run tables have one writer anyway (<see cref="Runs.RunStore"/>).
    /// </summary>
    public static async Task PrepareAsync(this PortalDbContext db)
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
