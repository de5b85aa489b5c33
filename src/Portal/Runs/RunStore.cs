using System.Text.Json;
using System.Threading.Channels;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>
/// Every write to the run tables goes through here, to one writer that commits whatever is waiting in one
/// transaction. SQLite lets one writer in at a time; queuing the writes ourselves means twenty runs
/// recording at once never meet "database is locked", and a burst costs one commit instead of twenty.
/// </summary>
public sealed class RunStore : IAsyncDisposable
{
    private const int MostWritesPerCommit = 256;

    private readonly IDbContextFactory<PortalDbContext> _databases;
    private readonly ILogger<RunStore> _logger;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public RunStore(IDbContextFactory<PortalDbContext> databases, ILogger<RunStore> logger)
    {
        _databases = databases;
        _logger = logger;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>Statuses of a run that has not ended.</summary>
    public static readonly IReadOnlySet<string> Unfinished = new HashSet<string>(StringComparer.Ordinal)
    {
        NameOf(RunStatus.Queued), NameOf(RunStatus.Started),
    };

    /// <summary>A status as stored and shown: kebab-case, as in the event model ("timed-out").</summary>
    public static string NameOf(RunStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <summary>Stores a new run, before its first event.</summary>
    public Task CreateAsync(StoredRun run) => EnqueueAsync(async db =>
    {
        db.Runs.Add(run);
        await db.SaveChangesAsync().ConfigureAwait(false);
    });

    /// <summary>Stores a chunk of a run's events, with the run's latest status and moment.</summary>
    /// <remarks>Plain SQL: this is the hot path (every run, several times a second), and change tracking
    /// costs more than the writing itself (docs/benchmarks.md, section 6).</remarks>
    public Task AppendAsync(RunChunk chunk, RunStatus? status, long latest) => EnqueueAsync(async db =>
    {
        var database = db.Database;
        await database.ExecuteSqlAsync($"""
            INSERT INTO "RunChunks" ("RunId", "First", "Count", "Encoding", "Data")
            VALUES ({chunk.RunId}, {chunk.First}, {chunk.Count}, {chunk.Encoding}, {chunk.Data})
            """).ConfigureAwait(false);
        var statusName = status is { } s ? NameOf(s) : null;
        var queued = NameOf(RunStatus.Queued);
        var started = NameOf(RunStatus.Started);
        var updated = await database.ExecuteSqlAsync($"""
            UPDATE "Runs" SET
                "EventCount" = max("EventCount", {chunk.First + chunk.Count}),
                "StoredBytes" = "StoredBytes" + {chunk.Data.Length},
                "DurationMicros" = max("DurationMicros", {latest}),
                "Status" = CASE WHEN {statusName} IS NOT NULL AND "Status" IN ({queued}, {started}) THEN {statusName} ELSE "Status" END
            WHERE "Id" = {chunk.RunId}
            """).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Run {chunk.RunId} is not stored.");
        }
    });

    /// <summary>Marks a run ended, with its final status and summary.</summary>
    public Task FinishAsync(string id, RunStatus status, RunSummary summary) => EnqueueAsync(async db =>
    {
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE "Runs" SET
                "Status" = {NameOf(status)},
                "EndedUtc" = {DateTime.UtcNow},
                "DurationMicros" = max("DurationMicros", {summary.DurationMicros}),
                "SummaryJson" = {summary.ToJson()}
            WHERE "Id" = {id}
            """).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Run {id} is not stored.");
        }
    });

    /// <summary>
    /// Runs the portal was running when it stopped without finishing them: each gets a final
    /// <see cref="RunStatus.Interrupted"/> event after what it had stored, and is marked so.
    /// </summary>
    /// <returns>How many runs were marked.</returns>
    public async Task<int> MarkInterruptedAsync()
    {
        var marked = 0;
        await EnqueueAsync(async db =>
        {
            var unfinished = Unfinished.ToList();
            var runs = await db.Runs.Where(r => unfinished.Contains(r.Status)).ToListAsync().ConfigureAwait(false);
            foreach (var run in runs)
            {
                var chunks = await db.RunChunks.Where(c => c.RunId == run.Id).OrderBy(c => c.First).ToListAsync().ConfigureAwait(false);
                var events = chunks.SelectMany(c => EventChunks.Decode(c.Encoding, c.Data)).ToList();
                var end = new RunStatusEvent(events.Count == 0 ? 0 : events.Max(e => e.T), RunStatus.Interrupted,
                    "the portal stopped while this run was going");
                var data = EventChunks.Encode([end]);
                db.RunChunks.Add(new RunChunk { RunId = run.Id, First = events.Count, Count = 1, Encoding = EventChunks.Brotli, Data = data });
                events.Add(end);
                var summary = RunSummary.Of(events);
                run.Status = NameOf(RunStatus.Interrupted);
                run.EndedUtc = DateTime.UtcNow;
                run.EventCount = events.Count;
                run.StoredBytes += data.Length;
                run.DurationMicros = summary.DurationMicros;
                run.SummaryJson = summary.ToJson();
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
            marked = runs.Count;
        }).ConfigureAwait(false);
        return marked;
    }

    /// <summary>Deletes ended runs, oldest first, until what is kept fits <paramref name="retention"/>. Runs still going are never touched.</summary>
    /// <returns>The ids of the deleted runs.</returns>
    public async Task<IReadOnlyList<string>> PruneAsync(RetentionOptions retention, DateTime nowUtc)
    {
        var pruned = new List<string>();
        await EnqueueAsync(async db =>
        {
            // Most passes find nothing to do: three figures decide that without reading every run.
            var oldest = nowUtc - retention.MaxAge;
            var totals = await db.Runs.GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Bytes = g.Sum(r => r.StoredBytes), Old = g.Count(r => r.EndedUtc != null && r.CreatedUtc < oldest) })
                .SingleOrDefaultAsync().ConfigureAwait(false);
            if (totals is null || (totals.Count <= retention.MaxRuns && totals.Bytes <= retention.MaxBytes && totals.Old == 0))
            {
                return;
            }

            var runs = await db.Runs.OrderBy(r => r.CreatedUtc)
                .Select(r => new { r.Id, r.CreatedUtc, r.StoredBytes, Ended = r.EndedUtc != null })
                .ToListAsync().ConfigureAwait(false);
            var count = runs.Count;
            var bytes = runs.Sum(r => r.StoredBytes);
            foreach (var run in runs.Where(r => r.Ended))
            {
                if (count <= retention.MaxRuns && bytes <= retention.MaxBytes && run.CreatedUtc >= oldest)
                {
                    continue;
                }

                pruned.Add(run.Id);
                count--;
                bytes -= run.StoredBytes;
            }

            foreach (var ids in pruned.Chunk(500))
            {
                await db.RunChunks.Where(c => ids.Contains(c.RunId)).ExecuteDeleteAsync().ConfigureAwait(false);
                await db.Runs.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return pruned;
    }

    /// <summary>Lets the queued writes finish, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private Task EnqueueAsync(Func<PortalDbContext, Task> apply)
    {
        var write = new Write(apply);
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(RunStore), "The portal is shutting down.");
        }

        return write.Done.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Write>();
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MostWritesPerCommit && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (!await TryCommitAsync(batch).ConfigureAwait(false))
            {
                // One bad write must not sink the others: take them one at a time.
                foreach (var write in batch)
                {
                    await TryCommitAsync([write]).ConfigureAwait(false);
                }
            }

            batch.Clear();
        }
    }

    private async Task<bool> TryCommitAsync(IReadOnlyList<Write> writes)
    {
        try
        {
            await using var db = await _databases.CreateDbContextAsync().ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var write in writes)
            {
                await write.Apply(db).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            foreach (var write in writes)
            {
                write.Done.TrySetResult();
            }

            return true;
        }
        catch (Exception ex) when (writes.Count > 1)
        {
            _logger.LogWarning(ex, "A commit of {Count} writes failed; retrying them one by one", writes.Count);
            return false;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A write to the run store failed");
            writes[0].Done.TrySetException(ex);
            return false;
        }
    }

    private sealed record Write(Func<PortalDbContext, Task> Apply)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
