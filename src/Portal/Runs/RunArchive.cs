using System.Runtime.CompilerServices;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Reads stored runs: one run, its events from any sequence number, a visitor's list.</summary>
public sealed class RunArchive(IDbContextFactory<PortalDbContext> databases)
{
    /// <summary>Longest run id the portal hands out; anything longer is not worth a query.</summary>
    private const int IdLength = 32;

    /// <summary>A stored run, or null.</summary>
    public async Task<StoredRun?> FindAsync(string id)
    {
        if (id.Length > IdLength)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id).ConfigureAwait(false);
    }

    /// <summary>The stored events from sequence number <paramref name="from"/> on, a chunk at a time.</summary>
    public async IAsyncEnumerable<EventBatch> ReadAsync(string id, long from, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = from;
        while (true)
        {
            RunChunk? chunk;
            await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk = await db.RunChunks.AsNoTracking()
                    .Where(c => c.RunId == id && c.First + c.Count > next)
                    .OrderBy(c => c.First)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            }

            if (chunk is null)
            {
                yield break;
            }

            var events = EventChunks.Decode(chunk.Encoding, chunk.Data);
            var skip = (int)Math.Max(0, next - chunk.First);
            yield return new EventBatch(chunk.First + skip, new ArraySegment<RunEvent>(events, skip, events.Length - skip));
            next = chunk.First + events.Length;
        }
    }

    /// <summary>Every stored event of a run, or null when there is no such run.</summary>
    public async Task<IReadOnlyList<RunEvent>?> LoadEventsAsync(string id)
    {
        if (await FindAsync(id).ConfigureAwait(false) is null)
        {
            return null;
        }

        var events = new List<RunEvent>();
        await foreach (var batch in ReadAsync(id, 0).ConfigureAwait(false))
        {
            events.AddRange(batch.Events);
        }

        return events;
    }

    /// <summary>A visitor's runs, newest first, optionally only of some demos and of one status.</summary>
    public async Task<IReadOnlyList<StoredRun>> ListAsync(string owner, IReadOnlyCollection<string>? demos, string? status, int limit)
    {
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        var runs = db.Runs.AsNoTracking().Where(r => r.OwnerId == owner);
        if (demos is not null)
        {
            runs = runs.Where(r => demos.Contains(r.DemoId));
        }

        if (status is not null)
        {
            runs = runs.Where(r => r.Status == status);
        }

        return await runs.OrderByDescending(r => r.CreatedUtc).Take(limit).ToListAsync().ConfigureAwait(false);
    }

    /// <summary>The demos a visitor has run to completion at least once.</summary>
    public async Task<IReadOnlySet<string>> DemosRunByAsync(string owner)
    {
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        var completed = RunStore.NameOf(RunStatus.Completed);
        var demos = await db.Runs.Where(r => r.OwnerId == owner && r.Status == completed).Select(r => r.DemoId).Distinct().ToListAsync().ConfigureAwait(false);
        return demos.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The run's parameters as text, as a learner would type them ("mode" = "lock").</summary>
    public static IReadOnlyDictionary<string, string> ParametersOf(StoredRun run)
    {
        using var json = JsonDocument.Parse(run.ParametersJson);
        return json.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
    }
}
