using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// What a running demo sees: its parameters, its main lane, and ways to start real threads, tasks and
/// processes as lanes. Everything it starts is owned by the run, which ends it all before it ends.
/// </summary>
public sealed class DemoContext
{
    /// <summary>The reason a run (or worker) stops when an allocation failed.</summary>
    internal const string OutOfMemory = "out of memory";

    private readonly IRunScope _scope;
    private readonly List<Lane> _lanes = [];
    private readonly List<ChildProcess> _processes = [];
    private readonly Lock _gate = new();

    internal DemoContext(IRunScope scope)
    {
        _scope = scope;
        Main = new Lane(this, scope.NewLaneId(), "main", LaneKind.Thread);
    }

    /// <summary>The validated parameters of this run.</summary>
    public DemoParameters Parameters => _scope.Parameters;

    /// <summary>Signalled when the run is cancelled, times out or hits a cap.</summary>
    public CancellationToken Cancellation => _scope.Cancellation;

    /// <summary>The lane of the thread <see cref="IDemo.RunAsync"/> (or a child's code) starts on.</summary>
    public Lane Main { get; }

    /// <summary>The limits in force.</summary>
    public RunLimits Limits => _scope.Limits;

    internal RunClock Clock => _scope.Clock;

    internal IRunScope Scope => _scope;

    /// <summary>Every process this context started, for the run to end them.</summary>
    internal ChildProcess[] Processes
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes];
            }
        }
    }

    /// <summary>
    /// Starts a real OS thread as a new lane. The lane appears, runs <paramref name="body"/> and ends
    /// <see cref="LaneState.Done"/>; a stopped run ends the body at its next wait.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the run already started as many threads as its limit allows.</exception>
    public Lane StartThread(string name, Action<Lane> body, Lane? parent = null)
    {
        var lane = Register(name, LaneKind.Thread, parent);
        var parentId = (parent ?? Main).Id;
        lane.Thread = new Thread(() => RunLane(lane, parentId, body)) { Name = name, IsBackground = true };
        lane.Thread.Start();
        return lane;
    }

    /// <summary>
    /// Starts a .NET task as a new lane on the thread pool. Each time it resumes after an await through the
    /// lane (<see cref="Lane.DelayAsync"/>, <see cref="Lane.Enter"/>), the lane records which OS thread runs it.
    /// </summary>
    public Lane StartTask(string name, Func<Lane, Task> body, Lane? parent = null, TaskScheduler? scheduler = null)
    {
        var lane = Register(name, LaneKind.Task, parent);
        var parentId = (parent ?? Main).Id;
        lane.Task = Task.Factory.StartNew(
            () => RunLaneAsync(lane, parentId, body), Cancellation, TaskCreationOptions.DenyChildAttach, scheduler ?? TaskScheduler.Default).Unwrap();
        return lane;
    }

    /// <summary>
    /// Starts a worker process that runs <see cref="IProcessDemo.RunChildAsync"/> of this demo with
    /// <paramref name="role"/> and <paramref name="arguments"/> (passed as an argument list, never through a shell).
    /// When the run has a warm worker that fits, that process is taken instead of starting one; the mark on
    /// <paramref name="parent"/> says which. A demo that measures what starting a process costs asks for
    /// <paramref name="coldStart"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the run already started as many processes as its limit allows.</exception>
    /// <exception cref="OperationCanceledException">When the run is stopped.</exception>
    public ChildProcess StartProcess(
        string name, string role, IReadOnlyList<string>? arguments = null, Lane? parent = null, bool survivesParent = false, bool coldStart = false)
    {
        var from = parent ?? Main;
        var lane = new Lane(this, _scope.NewLaneId(), name, LaneKind.Process);
        lock (_gate)
        {
            if (_processes.Count >= Limits.MaxProcesses)
            {
                from.Mark($"process refused: limit is {Limits.MaxProcesses}");
                throw new InvalidOperationException($"This run may start at most {Limits.MaxProcesses} processes.");
            }

            // A stopped run starts nothing more: the process would only be killed (and a warm worker wasted).
            Cancellation.ThrowIfCancellationRequested();
            var child = ChildProcess.Start(this, lane, from, role, arguments ?? [], survivesParent, coldStart);
            _processes.Add(child);
            return child;
        }
    }

    /// <summary>Records a named value from this moment on.</summary>
    public void Counter(string name, double value) => Emit(new CounterEvent(Clock.Now, name, value));

    /// <summary>Runs the demo's entry point as the main lane, then joins every thread and task it left running.</summary>
    internal void RunMain(Func<DemoContext, Task> entry)
    {
        RunLane(Main, _scope.RootLane, lane =>
        {
            entry(this).GetAwaiter().GetResult();
            foreach (var other in Lanes().Where(l => l.Thread?.IsAlive == true || l.Task?.IsCompleted == false))
            {
                lane.Join(other);
            }
        });

        // A demo that threw has stopped the run (End), which tells the lanes it started to stop. They still end
        // before the run does, so their last events reach the log and none of its threads outlives it.
        WaitFor(Lanes(), DateTime.UtcNow + Limits.KillGrace);
    }

    /// <summary>Every thread the run started: main, thread lanes, and the readers of its processes' output.</summary>
    internal IEnumerable<Thread> Threads() =>
        Lanes().Prepend(Main).Select(l => l.Thread).OfType<Thread>().Concat(Processes.SelectMany(p => p.Readers));

    /// <summary>Waits for the main thread and every thread and task the run started, up to <paramref name="timeout"/>.</summary>
    internal bool WaitForLanes(TimeSpan timeout) => WaitFor(Lanes().Prepend(Main), DateTime.UtcNow + timeout);

    private static bool WaitFor(IEnumerable<Lane> lanes, DateTime deadline)
    {
        TimeSpan Left() => deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero;
        return lanes.All(l => (l.Thread?.Join(Left()) ?? true) && (l.Task is null || ((IAsyncResult)l.Task).AsyncWaitHandle.WaitOne(Left())));
    }

    internal void Emit(RunEvent e)
    {
        if (!_scope.Append(e))
        {
            _scope.Stop(RunStatus.Truncated, $"event limit of {Limits.MaxEvents} reached");
        }
    }

    internal void CountOutput(int bytes)
    {
        if (!_scope.CountOutput(bytes))
        {
            throw new OperationCanceledException(Cancellation);
        }
    }

    private Lane Register(string name, LaneKind kind, Lane? parent)
    {
        var lane = new Lane(this, _scope.NewLaneId(), name, kind);
        lock (_gate)
        {
            if (_lanes.Count(l => l.Kind == LaneKind.Thread) >= Limits.MaxThreads && kind == LaneKind.Thread)
            {
                (parent ?? Main).Mark($"thread refused: limit is {Limits.MaxThreads}");
                throw new InvalidOperationException($"This run may start at most {Limits.MaxThreads} threads.");
            }

            _lanes.Add(lane);
        }

        return lane;
    }

    private void RunLane(Lane lane, int? parent, Action<Lane> body)
    {
        lane.Appear(parent, Environment.ProcessId);
        lane.Enter(LaneState.Running);
        try
        {
            body(lane);
            lane.Enter(LaneState.Done);
        }
        catch (Exception ex)
        {
            End(lane, ex);
        }
    }

    private async Task RunLaneAsync(Lane lane, int? parent, Func<Lane, Task> body)
    {
        lane.Appear(parent, Environment.ProcessId);
        lane.Enter(LaneState.Running);
        try
        {
            await body(lane).ConfigureAwait(false);
            lane.Enter(LaneState.Done);
        }
        catch (Exception ex)
        {
            End(lane, ex);
        }
    }

    /// <summary>A stopped run ends lanes quietly; any other exception is shown on the lane and fails the run.</summary>
    private void End(Lane lane, Exception error)
    {
        if (error is OperationCanceledException && Cancellation.IsCancellationRequested)
        {
            lane.Mark("stopped");
        }
        else if (error is OutOfMemoryException)
        {
            // Its message is not read: the runtime looks that text up in its resources, which takes memory
            // (and, for code not yet compiled, the JIT's), and failing there overflows the stack.
            _scope.Append(new OutputEvent(Clock.Now, lane.Id, $"{nameof(OutOfMemoryException)}: {OutOfMemory}", OutputStream.Stderr));
            _scope.Stop(RunStatus.Failed, OutOfMemory);
        }
        else
        {
            _scope.Append(new OutputEvent(Clock.Now, lane.Id, Lane.MakeVisible($"{error.GetType().Name}: {error.Message}"), OutputStream.Stderr));
            _scope.Stop(RunStatus.Failed, $"{lane.Name} crashed: {error.Message}");
        }

        lane.Enter(LaneState.Done);
    }

    private Lane[] Lanes()
    {
        lock (_gate)
        {
            return [.. _lanes];
        }
    }
}
