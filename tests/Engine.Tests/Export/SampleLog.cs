using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Export;

/// <summary>
/// A hand-built log with every kind of lane and event: two threads of the run's process (pid 100), two
/// overlapping tasks, a child process with a thread, a thread without a tid in a process nobody declared,
/// marks with and without links, counters, and spans still open when the log ends at 100 µs.
/// </summary>
internal static class SampleLog
{
    public const int Main = 1, T1 = 2, Fetch = 3, Parse = 4, Helper = 5, Worker = 6, Orphan = 7;

    public static RunEvent[] Events { get; } =
    [
        new RunStatusEvent(0, RunStatus.Started),
        new LaneEvent(1, Main, null, LaneKind.Thread, "main", 100, 101, 1),
        new StateEvent(2, Main, LaneState.Running),
        new CpuEvent(3, Main, 0),
        new LaneEvent(5, T1, Main, LaneKind.Thread, "T1", 100, 102, 7),
        new StateEvent(6, T1, LaneState.Running),
        new CpuEvent(7, T1, 1),
        new LaneEvent(10, Fetch, Main, LaneKind.Task, "fetch", 100, null, null),
        new StateEvent(11, Fetch, LaneState.Running, Tid: 101),
        new LaneEvent(12, Parse, Main, LaneKind.Task, "parse", 100, null, null),
        new StateEvent(13, Parse, LaneState.Running, Tid: 102),
        new StateEvent(20, Main, LaneState.Blocked, "lock A"),
        new OutputEvent(21, T1, "T1 says hi"),
        new StateEvent(25, Fetch, LaneState.Io, "socket", Inferred: true),
        new CounterEvent(26, "queue", 3),
        new MarkEvent(30, T1, "lock A released", Main),
        new StateEvent(31, Main, LaneState.Running),
        new StateEvent(32, T1, LaneState.Sleeping),
        new StateEvent(35, Fetch, LaneState.Running, Tid: 102),
        new MarkEvent(36, Fetch, "result ready", Main),
        new OutputEvent(40, Fetch, "fetched 42 bytes"),
        new StateEvent(41, Parse, LaneState.Done),
        new LaneEvent(45, Helper, Main, LaneKind.Process, "helper", 200, 200, null),
        new StateEvent(46, Helper, LaneState.Running),
        new LaneEvent(47, Worker, Helper, LaneKind.Thread, "worker", 200, 201, null),
        new StateEvent(48, Worker, LaneState.Running),
        new LaneEvent(49, Orphan, Main, LaneKind.Thread, "orphan", 300, null, null),
        new StateEvent(50, Orphan, LaneState.Running),
        new StateEvent(51, Orphan, LaneState.Done),
        new StateEvent(60, T1, LaneState.Running),
        new CounterEvent(70, "queue", 2.5),
        new MarkEvent(80, Main, "tick"),
        new OutputEvent(90, Worker, "disk full", OutputStream.Stderr),
        new RunStatusEvent(100, RunStatus.Completed),
    ];
}
