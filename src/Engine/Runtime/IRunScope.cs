using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// What a <see cref="DemoContext"/> needs from whoever hosts the run: the portal-side <see cref="DemoRun"/>,
/// or a worker process that forwards its events to the run that started it.
/// </summary>
internal interface IRunScope
{
    string DemoId { get; }

    DemoParameters Parameters { get; }

    RunLimits Limits { get; }

    RunClock Clock { get; }

    CancellationToken Cancellation { get; }

    /// <summary>Identifies the run's processes in /proc (an environment marker) so none outlives it.</summary>
    string Token { get; }

    /// <summary>Where the run's worker processes send their events.</summary>
    string EventSocketPath { get; }

    /// <summary>Adds an event; false when the run refuses more (cap reached or run over).</summary>
    bool Append(RunEvent e);

    /// <summary>Counts output bytes; past the limit the run is stopped as truncated and false is returned.</summary>
    bool CountOutput(int bytes);

    /// <summary>Stops the run for a reason; the first reason wins.</summary>
    void Stop(RunStatus status, string? detail);

    /// <summary>A lane id not used before in this scope.</summary>
    int NewLaneId();

    /// <summary>The process lane that contains this scope's lanes (a worker's own process), or null in the portal.</summary>
    int? RootLane { get; }

    /// <summary>Warm workers the run's own processes may be taken from, or null (always in a worker).</summary>
    WorkerPool? Workers { get; }

    /// <summary>
    /// Waits, after the worker with <paramref name="pid"/> has exited, until everything it sent over the event
    /// socket is in the log, so nothing of it comes after its exit. Only the run's own process reads the socket:
    /// a worker's scope returns at once.
    /// </summary>
    void WaitForEventsOf(int pid);
}
