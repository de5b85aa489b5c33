using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Data;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>
/// Writes a run's events to the store while it runs, a chunk at least every <see cref="RunsOptions.RecordInterval"/>,
/// so that a crash loses at most that much; when the run ends, writes its final status and summary.
/// </summary>
public sealed class RunRecorder(RunStore store, IOptions<RunsOptions> options)
{
    /// <summary>Most events in one stored chunk: one chunk of the event log.</summary>
    private const int ChunkEvents = 4096;

    /// <summary>Stores the run's row; call before the run can start.</summary>
    public Task CreateAsync(string id, DemoRun run, string? owner) => store.CreateAsync(new StoredRun
    {
        Id = id,
        DemoId = run.Demo.Id,
        OwnerId = owner,
        ParametersJson = JsonSerializer.Serialize(run.Parameters.AsText(), EventJson.Options),
        Status = RunStore.NameOf(RunStatus.Queued),
        CreatedUtc = DateTime.UtcNow,
    });

    /// <summary>Records the run from its first event to its end.</summary>
    public async Task RecordAsync(string id, DemoRun run)
    {
        await foreach (var batch in run.Log.ReadAsync(0, ChunkEvents, options.Value.RecordInterval).ConfigureAwait(false))
        {
            var events = batch.Events;
            var chunk = new RunChunk
            {
                RunId = id,
                First = (int)batch.First,
                Count = events.Count,
                Encoding = EventChunks.Brotli,
                Data = EventChunks.Encode(events),
            };
            var status = events.OfType<RunStatusEvent>().LastOrDefault()?.Status;
            await store.AppendAsync(chunk, status, events.Max(e => e.T)).ConfigureAwait(false);
        }

        var all = run.Log.Slice(0, run.Log.Count);
        var end = all.OfType<RunStatusEvent>().LastOrDefault()?.Status ?? RunStatus.Failed;
        await store.FinishAsync(id, end, RunSummary.Of(all)).ConfigureAwait(false);
    }
}
