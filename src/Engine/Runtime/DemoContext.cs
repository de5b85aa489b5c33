using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// What a running demo sees: its parameters, its main lane, a way to start real threads as lanes,
/// and the run's cancellation. Every thread it starts is owned by the run and joined before the run ends.
/// </summary>
public sealed class DemoContext
{
    private readonly DemoRun _run;
    private readonly List<Lane> _threads = [];
    private readonly Lock _threadsGate = new();
    private int _nextLane;
    private long _outputBytes;

    internal DemoContext(DemoRun run)
    {
        _run = run;
        Main = NewLane("main");
    }

    /// <summary>The validated parameters of this run.</summary>
    public DemoParameters Parameters => _run.Parameters;

    /// <summary>Signalled when the run is cancelled, times out or hits a cap.</summary>
    public CancellationToken Cancellation => _run.Cancellation;

    /// <summary>The lane of the run's main thread, the one <see cref="IDemo.RunAsync"/> starts on.</summary>
    public Lane Main { get; }

    internal RunClock Clock => _run.Clock;

    /// <summary>
    /// Starts a real OS thread as a new lane. The lane appears, runs <paramref name="body"/> and ends
    /// <see cref="LaneState.Done"/>; a stopped run ends the body at its next wait.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the run already started as many threads as its limit allows.</exception>
    public Lane StartThread(string name, Action<Lane> body, Lane? parent = null)
    {
        var lane = NewLane(name);
        lock (_threadsGate)
        {
            if (_threads.Count >= _run.Limits.MaxThreads)
            {
                (parent ?? Main).Mark($"thread refused: limit is {_run.Limits.MaxThreads}");
                throw new InvalidOperationException($"This run may start at most {_run.Limits.MaxThreads} threads.");
            }

            _threads.Add(lane);
        }

        var parentId = (parent ?? Main).Id;
        lane.Thread = new Thread(() => RunLane(lane, LaneKind.Thread, parentId, body))
        {
            Name = name,
            IsBackground = true,
        };
        lane.Thread.Start();
        return lane;
    }

    /// <summary>Records a named value from this moment on.</summary>
    public void Counter(string name, double value) => Emit(new CounterEvent(Clock.Now, name, value));

    internal void RunMain(IDemo demo)
    {
        RunLane(Main, LaneKind.Thread, null, lane =>
        {
            demo.RunAsync(this).GetAwaiter().GetResult();
            foreach (var thread in Threads())
            {
                if (thread.Thread!.IsAlive)
                {
                    lane.Join(thread);
                }
            }
        });
    }

    /// <summary>Waits for the main thread and every thread the run started, up to <paramref name="timeout"/>; true when all ended.</summary>
    internal bool WaitForThreads(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        return Threads().Prepend(Main).All(t => t.Thread?.Join(Max(deadline - DateTime.UtcNow, TimeSpan.Zero)) ?? true);
    }

    internal void Emit(RunEvent e)
    {
        if (!_run.Log.TryAppend(e))
        {
            _run.Stop(RunStatus.Truncated, $"event limit of {_run.Limits.MaxEvents} reached");
        }
    }

    internal void CountOutput(int bytes)
    {
        if (Interlocked.Add(ref _outputBytes, bytes) > _run.Limits.MaxOutputBytes)
        {
            _run.Stop(RunStatus.Truncated, $"output limit of {_run.Limits.MaxOutputBytes} bytes reached");
            throw new OperationCanceledException(Cancellation);
        }
    }

    private void RunLane(Lane lane, LaneKind kind, int? parent, Action<Lane> body)
    {
        lane.Appear(kind, parent);
        lane.Enter(LaneState.Running);
        try
        {
            body(lane);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            lane.Mark("stopped");
        }
        catch (Exception ex)
        {
            _run.Log.TryAppend(new OutputEvent(Clock.Now, lane.Id, Lane.MakeVisible($"{ex.GetType().Name}: {ex.Message}"), OutputStream.Stderr));
            _run.Stop(RunStatus.Failed, $"{lane.Name} crashed: {ex.Message}");
        }
        finally
        {
            lane.Enter(LaneState.Done);
        }
    }

    private Lane NewLane(string name) => new(this, Interlocked.Increment(ref _nextLane), name);

    private Lane[] Threads()
    {
        lock (_threadsGate)
        {
            return [.. _threads];
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
