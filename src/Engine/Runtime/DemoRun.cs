using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// One run of one demo: its event log, its main thread and everything the demo starts. The run ends
/// exactly once — completed, failed, cancelled, timed out or truncated — and only after every thread
/// it started has finished or the kill grace has run out.
/// </summary>
public sealed class DemoRun
{
    private readonly IDemo _demo;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RunStatus> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (RunStatus Status, string? Detail)? _stopReason;
    private int _started;
    private int _finished;

    /// <summary>Prepares a run; nothing starts until <see cref="Start"/>.</summary>
    public DemoRun(IDemo demo, DemoParameters parameters, RunLimits limits)
    {
        _demo = demo;
        Parameters = parameters;
        Limits = limits;
        Log = new EventLog(limits.MaxEvents);
    }

    /// <summary>The demo's id, titles and parameters.</summary>
    public DemoInfo Demo => _demo.Info;

    /// <summary>The validated parameters.</summary>
    public DemoParameters Parameters { get; }

    /// <summary>The limits in force.</summary>
    public RunLimits Limits { get; }

    /// <summary>Everything that happened, in order.</summary>
    public EventLog Log { get; }

    /// <summary>Completes with the final status once the run has ended and its log is complete.</summary>
    public Task<RunStatus> Completion => _completion.Task;

    internal RunClock Clock { get; } = new();

    internal CancellationToken Cancellation => _stop.Token;

    /// <summary>Records the run's place in the queue while it waits for a slot.</summary>
    public void Queued(int position) =>
        Log.AppendStatus(new RunStatusEvent(0, RunStatus.Queued, position.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Starts the demo on a new main thread and the wall-time watchdog.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A run starts once.");
        }

        Clock.Restart();
        Log.AppendStatus(new RunStatusEvent(0, RunStatus.Started));
        if (_stop.IsCancellationRequested)
        {
            Finish();
            return;
        }

        var context = new DemoContext(this);
        var main = new Thread(() =>
        {
            context.RunMain(_demo);
            Finish();
        })
        {
            Name = $"run {_demo.Info.Id}",
            IsBackground = true,
        };
        context.Main.Thread = main;
        main.Start();
        _ = WatchAsync(context);
    }

    /// <summary>Stops the run as cancelled; it ends within the kill grace.</summary>
    public void Cancel() => Stop(RunStatus.Cancelled, null);

    /// <summary>Stops the run for a reason; the first reason given is the one recorded.</summary>
    internal void Stop(RunStatus status, string? detail)
    {
        lock (_stop)
        {
            _stopReason ??= (status, detail);
        }

        _stop.Cancel();
        if (Volatile.Read(ref _started) == 0)
        {
            Finish();
        }
    }

    private async Task WatchAsync(DemoContext context)
    {
        try
        {
            await Task.Delay(Limits.WallTime, _stop.Token).ConfigureAwait(false);
            Stop(RunStatus.TimedOut, $"wall time of {Limits.WallTime.TotalSeconds:0.#} s reached");
        }
        catch (OperationCanceledException)
        {
        }

        await Task.Run(() => context.WaitForThreads(Limits.KillGrace)).ConfigureAwait(false);
        Finish();
    }

    private void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return;
        }

        (RunStatus Status, string? Detail) outcome;
        lock (_stop)
        {
            outcome = _stopReason ?? (RunStatus.Completed, null);
        }

        Log.AppendStatus(new RunStatusEvent(Clock.Now, outcome.Status, outcome.Detail));
        Log.Complete();
        _stop.Cancel();
        _completion.SetResult(outcome.Status);
    }
}
