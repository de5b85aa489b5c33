using System.Collections.Concurrent;
using System.Security.Cryptography;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;
using ConcurrencyLab.Portal.Data;
using ConcurrencyLab.Portal.Localization;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>
/// Admits runs: validates them, stores them, queues them for one of a fixed number of slots, records
/// them while they run and keeps them findable in memory while they run and for a while after.
/// </summary>
public sealed class RunManager(
    DemoCatalog catalog, IOptions<RunsOptions> options, VisitorQuota quota, RunRecorder recorder, WorkerPool workers, ILogger<RunManager> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly RunsOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, DemoRun> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(options.Value.EffectiveConcurrency);
    private readonly ConcurrentBag<Task> _admissions = [];
    private readonly CancellationTokenSource _shutdown = new();
    private int _waiting;

    /// <summary>A run ended (its final status is stored).</summary>
    public event Action<string>? RunEnded;

    /// <summary>Validates, stores and admits a run for <paramref name="owner"/>; it starts as soon as a slot is free.</summary>
    /// <returns>The new run's id.</returns>
    /// <exception cref="UnknownDemoException">No such demo.</exception>
    /// <exception cref="DemoParameterException">A parameter is refused.</exception>
    /// <exception cref="RunRefusedException">The queue is full, or the visitor has too many runs going or started.</exception>
    public async Task<string> StartAsync(string demoId, IReadOnlyDictionary<string, string>? parameters, string? owner)
    {
        var demo = catalog.Get(demoId);
        var bound = DemoParameters.Bind(demo.Info.Parameters, parameters);
        if (Volatile.Read(ref _waiting) >= _options.QueueLimit && _slots.CurrentCount == 0)
        {
            throw new RunRefusedException(UiText.ServerBusy.Format(_options.QueueLimit));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var run = new DemoRun(demo, bound, _options.Limits, workers);
        var lease = owner is null ? null : quota.Admit(owner);
        try
        {
            await recorder.CreateAsync(id, run, owner).ConfigureAwait(false);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }

        _runs[id] = run;
        _admissions.Add(AdmitAsync(id, run, lease));
        logger.LogInformation("Run {RunId} of {DemoId} admitted", id, demoId);
        return id;
    }

    /// <summary>Runs held in memory: queued, running, or finished recently.</summary>
    public int Count => _runs.Count;

    /// <summary>A run still held in memory, or null.</summary>
    public DemoRun? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>
    /// The stored run brought up to date from memory when the run has ended there but the database does not know
    /// yet (a learner who opens a run the moment it ends sees it ended). A run still going is shown live by its
    /// page, so its stored row is enough.
    /// </summary>
    public StoredRun Freshen(StoredRun stored)
    {
        if (stored.EndedUtc is not null || Find(stored.Id) is not { Completion.IsCompletedSuccessfully: true } live)
        {
            return stored; // the database has the whole run, the run is still going, or memory no longer has it
        }

        var summary = RunSummary.Of(live.Log.Slice(0, live.Log.Count));
        return new StoredRun
        {
            Id = stored.Id,
            DemoId = stored.DemoId,
            OwnerId = stored.OwnerId,
            ParametersJson = stored.ParametersJson,
            CreatedUtc = stored.CreatedUtc,
            Status = RunStore.NameOf(live.Completion.Result),
            EndedUtc = DateTime.UtcNow,
            EventCount = live.Log.Count,
            DurationMicros = summary.DurationMicros,
            StoredBytes = stored.StoredBytes,
            SummaryJson = summary.ToJson(),
        };
    }

    /// <summary>Drops a run from memory (retention deleted it); a run still going is cancelled first.</summary>
    public void Forget(string id)
    {
        if (_runs.TryRemove(id, out var run))
        {
            run.Cancel();
        }
    }

    /// <summary>Cancels a run; false when there is no such run in memory.</summary>
    public bool Cancel(string id)
    {
        if (!_runs.TryGetValue(id, out var run))
        {
            return false;
        }

        run.Cancel();
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The portal is stopping: cancels every run and waits until each has ended and is stored as such, while
    /// the database is still there to write to.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var run in _runs.Values)
        {
            run.Cancel();
        }

        await Task.WhenAll(_admissions).WaitAsync(_options.Limits.KillGrace + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task AdmitAsync(string id, DemoRun run, IDisposable? lease)
    {
        var recording = RecordAsync(id, run);
        using (lease)
        {
            await RunAsync(id, run).ConfigureAwait(false);
        }

        await recording.ConfigureAwait(false);
        try
        {
            await Task.Delay(_options.KeepFinished, _shutdown.Token).ConfigureAwait(false);
            _runs.TryRemove(id, out _);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RecordAsync(string id, DemoRun run)
    {
        try
        {
            await recorder.RecordAsync(id, run).ConfigureAwait(false);
            RunEnded?.Invoke(id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} could not be stored", id);
        }
    }

    private async Task RunAsync(string id, DemoRun run)
    {
        var position = Interlocked.Increment(ref _waiting);
        try
        {
            if (!_slots.Wait(0))
            {
                run.Queued(position);
                await _slots.WaitAsync(_shutdown.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            run.Cancel();
            run.Start(); // a cancelled run ends at once, and its log is completed for the recorder
            return;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            run.Start();
            var status = await run.Completion.ConfigureAwait(false);
            logger.LogInformation("Run {RunId} ended {Status} with {Events} events", id, status, run.Log.Count);
        }
        finally
        {
            _slots.Release();
        }
    }
}
