using System.Security.Cryptography;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// One run of one demo: its event log, its main thread and everything the demo starts. The run ends
/// exactly once — completed, failed, cancelled, timed out or truncated — and only after every thread
/// and process it started has ended (processes are killed, threads get the kill grace).
/// </summary>
public sealed class DemoRun : IRunScope, IAsyncDisposable
{
    private readonly IDemo _demo;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RunStatus> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<EventChannel> _channel;
    private (RunStatus Status, string? Detail)? _stopReason;
    private DemoContext? _context;
    private int _started;
    private int _finished;
    private int _nextLane;
    private long _outputBytes;

    /// <summary>Prepares a run; nothing starts until <see cref="Start"/>.</summary>
    /// <param name="demo">The demo to run.</param>
    /// <param name="parameters">Its validated parameters.</param>
    /// <param name="limits">The limits in force.</param>
    /// <param name="workers">Warm workers the demo's processes are taken from when they fit; null starts every process cold.</param>
    public DemoRun(IDemo demo, DemoParameters parameters, RunLimits limits, WorkerPool? workers = null)
    {
        _demo = demo;
        Parameters = parameters;
        Limits = limits;
        Workers = workers;
        Log = new EventLog(limits.MaxEvents);
        _channel = new Lazy<EventChannel>(() => new EventChannel(this));
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

    /// <summary>Marks every process of this run (environment <see cref="WorkerProtocol.RunVariable"/>).</summary>
    public string Token { get; } = "run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    string IRunScope.DemoId => _demo.Info.Id;

    string IRunScope.EventSocketPath => _channel.Value.Path;

    void IRunScope.WaitForEventsOf(int pid) => _channel.Value.WaitForStreamOf(pid);

    int? IRunScope.RootLane => null;

    /// <summary>Warm workers the run's processes may be taken from.</summary>
    public WorkerPool? Workers { get; }

    CancellationToken IRunScope.Cancellation => _stop.Token;

    RunClock IRunScope.Clock => Clock;

    internal RunClock Clock { get; } = new();

    /// <summary>Every thread the run started; after <see cref="Completion"/>, none of them is alive.</summary>
    internal IEnumerable<Thread> StartedThreads => _context?.Threads() ?? [];

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

        var context = _context = new DemoContext(this);
        var main = new Thread(() =>
        {
            context.RunMain(_demo.RunAsync);
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

    /// <summary>Cancels the run if it is still going and waits until it has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        Cancel();
        await Completion.ConfigureAwait(false);
        _stop.Dispose();
    }

    bool IRunScope.Append(RunEvent e) => Log.TryAppend(e);

    int IRunScope.NewLaneId() => Interlocked.Increment(ref _nextLane);

    bool IRunScope.CountOutput(int bytes)
    {
        if (Interlocked.Add(ref _outputBytes, bytes) <= Limits.MaxOutputBytes)
        {
            return true;
        }

        Stop(RunStatus.Truncated, $"output limit of {Limits.MaxOutputBytes} bytes reached");
        return false;
    }

    void IRunScope.Stop(RunStatus status, string? detail) => Stop(status, detail);

    /// <summary>Stops the run for a reason; the first reason given is the one recorded. Workers are asked to stop at once.</summary>
    internal void Stop(RunStatus status, string? detail)
    {
        lock (_stop)
        {
            if (_finished == 1)
            {
                return;
            }

            _stopReason ??= (status, detail);
        }

        _stop.Cancel();
        foreach (var process in _context?.Processes ?? [])
        {
            process.Terminate();
        }

        if (Volatile.Read(ref _started) == 0)
        {
            Finish();
        }
    }

    /// <summary>Grandchildren die by their group's kill, not by our wait: confirm in /proc that none is left.</summary>
    private void AwaitNoProcessesLeft(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ProcessReaper.FindRunProcesses(Token) is { Count: > 0 } left && DateTime.UtcNow < deadline)
        {
            foreach (var pid in left)
            {
                NativeMethods.Signal(pid, NativeMethods.SigKill);
            }

            Thread.Sleep(5);
        }
    }

    private async Task WatchAsync(DemoContext context)
    {
        try
        {
            // Timers may fire a little early; the run clock decides when the wall time is really up.
            var wall = (long)Limits.WallTime.TotalMicroseconds;
            while (Clock.Now < wall)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(wall - Clock.Now + 500), _stop.Token).ConfigureAwait(false);
            }

            Stop(RunStatus.TimedOut, $"wall time of {Limits.WallTime.TotalSeconds:0.#} s reached");
        }
        catch (OperationCanceledException)
        {
        }

        // Waiting out the grace blocks a thread; keep it off the thread pool the portal serves requests with.
        await Task.Factory.StartNew(
            () =>
            {
                context.WaitForLanes(Limits.KillGrace);
                Finish();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>Ends the run once: kills what is left of its processes, records the outcome, completes the log.</summary>
    private void Finish()
    {
        lock (_stop)
        {
            if (Interlocked.Exchange(ref _finished, 1) == 1)
            {
                return;
            }
        }

        var processes = _context?.Processes ?? [];
        foreach (var process in processes)
        {
            process.Kill();
        }

        Task.WaitAll(processes.Select(p => p.Exited).ToArray(), TimeSpan.FromSeconds(2));
        if (processes.Length > 0)
        {
            AwaitNoProcessesLeft(TimeSpan.FromSeconds(2));
        }

        if (_channel.IsValueCreated)
        {
            _channel.Value.Drain(TimeSpan.FromSeconds(2));
        }

        var outcome = _stopReason ?? (RunStatus.Completed, null);
        Log.AppendStatus(new RunStatusEvent(Clock.Now, outcome.Status, outcome.Detail));
        Log.Complete();
        if (_channel.IsValueCreated)
        {
            _channel.Value.Dispose();
        }

        _stop.Cancel();
        Workers?.Refill(); // only now: warming up replacements earlier would take cores from this run
        _completion.SetResult(outcome.Status);
    }
}
