using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Stores finished runs, log and all, in the database.</summary>
public sealed class RunArchive(IDbContextFactory<PortalDbContext> databases)
{
    /// <summary>Writes a finished run.</summary>
    public async Task SaveAsync(string id, DemoRun run)
    {
        var events = run.Log.Slice(0, run.Log.Count);
        var end = events.OfType<RunStatusEvent>().LastOrDefault();
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        db.Runs.Add(new StoredRun
        {
            Id = id,
            DemoId = run.Demo.Id,
            ParametersJson = JsonSerializer.Serialize(run.Parameters.Values, EventJson.Options),
            Status = JsonNamingPolicy.KebabCaseLower.ConvertName((end?.Status ?? RunStatus.Failed).ToString()),
            CreatedUtc = DateTime.UtcNow,
            DurationMicros = end?.T ?? 0,
            EventCount = events.Length,
            EventsJson = JsonSerializer.Serialize(events, EventJson.Options),
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    /// <summary>The whole event log of a stored run, or null.</summary>
    public async Task<RunEvent[]?> LoadEventsAsync(string id) =>
        await FindAsync(id).ConfigureAwait(false) is { } stored
            ? JsonSerializer.Deserialize<RunEvent[]>(stored.EventsJson, EventJson.Options)
            : null;

    /// <summary>A stored run, or null.</summary>
    public async Task<StoredRun?> FindAsync(string id)
    {
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id).ConfigureAwait(false);
    }
}
