using System.Globalization;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 1: how long after "start run" the lane a demo starts shows up in the log, next to what it costs
/// the runtime to start the same thread, task or process bare. Demo and bare runs alternate, so both see the
/// same machine.
/// </summary>
internal static class StartLatency
{
    private const int WarmUps = 5;

    public static Section Measure()
    {
        Section? section = null;

        // The demos start their lanes from the run's own main thread, which is outside the thread pool;
        // measuring from a thread of our own keeps the bare task start on the same path (no inlining in Wait).
        var thread = new Thread(() => section = MeasureAll()) { Name = "start latency" };
        thread.Start();
        thread.Join();
        return section!;
    }

    private static Section MeasureAll()
    {
        var catalog = DemoCatalog.CreateDefault();
        using var workers = new WorkerPool(new WorkerPoolOptions { Size = 1 }, new RunLimits());
        Dictionary<string, string> oneChild = new() { ["children"] = "1", ["lines"] = "1", ["pause"] = "0" };

        // The child's own main-thread lane, which only the child can report (over the event socket).
        static bool ChildMain(RunEvent e) => e is LaneEvent { Kind: LaneKind.Thread, Parent: not null } lane && lane.Pid != Environment.ProcessId;
        StartCase[] cases =
        [
            new("thread", "spawn-threads", new() { ["threads"] = "1", ["lines"] = "1", ["pause"] = "0" },
                e => e is LaneEvent { Name: "T1" }, BareStart.NewThread, "new Thread().Start()", 2, 500, 50),
            new("task", "spawn-tasks", new() { ["tasks"] = "1", ["awaits"] = "1", ["delay"] = "0", ["work"] = "0" },
                e => e is LaneEvent { Name: "task 1" }, BareStart.TaskRun, "Task.Run", 2, 500, 50),
            new("process (warm pool)", "spawn-children", oneChild, ChildMain, BareStart.WorkerProcess, "Process.Start(worker) to its Main", 1.2, 0, 15, workers),
            new("process (cold start)", "spawn-children", oneChild, ChildMain, BareStart.WorkerProcess, "Process.Start(worker) to its Main", null, 0, 15),
        ];

        var table = new Table(
            "Demo", "Runs", "First event T median", "T p90", "Wall median", "Wall p90",
            "Bare", "Bare median", "Bare p90", "T / bare", "Target (T median ≤)", "Result");
        var targets = new List<TargetCheck>();
        foreach (var c in cases)
        {
            var demo = catalog.Get(c.DemoId);
            var parameters = DemoParameters.Bind(demo.Info.Parameters, c.Parameters);
            var (t, wall, bare) = (new Samples(), new Samples(), new Samples());
            for (var i = -WarmUps; i < c.Runs; i++)
            {
                // A full pool: the steady state between runs, and no worker warming up while either start is timed.
                c.Workers?.WaitUntilFullAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
                var bareCost = c.Bare();
                var (demoT, demoWall) = DemoStart.Measure(demo, parameters, c.IsTarget, c.Workers);
                if (i >= 0)
                {
                    bare.Add(bareCost);
                    t.Add(demoT);
                    wall.Add(demoWall);
                }
            }

            var cells = new List<string>
            {
                c.Name, c.Runs.ToString(CultureInfo.InvariantCulture),
                Format.Millis(t.Median), Format.Millis(t.P90), Format.Millis(wall.Median), Format.Millis(wall.P90),
                c.BareName, Format.Millis(bare.Median), Format.Millis(bare.P90), Format.Ratio(t.Median / bare.Median),
            };
            if (c.Factor is not { } factor)
            {
                table.Add([.. cells, "—", ""]);
                continue;
            }

            var limit = factor * bare.Median + c.SlackMicros;
            var met = t.Median <= limit;
            var rule = string.Create(CultureInfo.InvariantCulture, $"{factor}× bare") + (c.SlackMicros > 0 ? $" + {Format.Millis(c.SlackMicros)}" : "");
            table.Add([.. cells, $"{Format.Millis(limit)} ({rule})", Format.Verdict(met)]);
            targets.Add(new TargetCheck(
                $"{c.Name} demo: first event within {rule}",
                $"T median {Format.Millis(t.Median)}, limit {Format.Millis(limit)}",
                met));
        }

        return new Section("Start latency", table, Notes, targets);
    }

    private const string Notes =
        "*T* is the event's own timestamp: the time from the run clock's restart inside `DemoRun.Start()` " +
        "to the moment the lane announced itself (for the process demo, measured inside the child on the shared " +
        "monotonic clock). *Wall* runs from just before `Start()` until a reader of the log " +
        "(`ReadAsync(0, 256, TimeSpan.Zero)`: the live stream's reader without its flush delay) had the event in hand, so it adds the reader's wake-up " +
        "and, for the child, the trip over the event socket. *Bare* is the same start done directly: a thread or " +
        "`Task.Run` until its body runs, or the worker process (same program, same GC settings, no arguments) until " +
        "its first stderr line arrives. Demo and bare runs alternate, after five warm-up rounds. The *warm pool* row gives " +
        "the run a `WorkerPool` of one worker and waits until it has refilled before each round (the child is a worker started earlier, " +
        "booted and warmed up, that gets its orders on stdin); the *cold start* row starts the worker when the demo asks, " +
        "as a run without a pool or with other memory limits does. Only the warm row has a target.";

    private sealed record StartCase(
        string Name,
        string DemoId,
        Dictionary<string, string> Parameters,
        Func<RunEvent, bool> IsTarget,
        Func<TimeSpan> Bare,
        string BareName,
        double? Factor,
        double SlackMicros,
        int Runs,
        WorkerPool? Workers = null);
}
