using System.Diagnostics;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Foundations;

/// <summary>
/// Three CPU-bound jobs, A, B and C, each needing the same amount of CPU time, run three ways:
/// serially (one after another), concurrently on one core (three threads pinned to a single CPU, so
/// the OS must time-slice them), and in parallel (three threads free to use every core).
/// </summary>
public sealed class AbcModesDemo : IDemo
{
    private static readonly string[] Jobs = ["A", "B", "C"];

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "abc-modes",
        new("Serial, concurrent, parallel", "串行、并发、并行"),
        new(
            "Green means a job holds a core, yellow that it is ready but waiting for one; the number on each slice is the core.",
            "绿色表示任务正占着一个 CPU 核，黄色表示它已就绪、在等核；每一段上标出所在的核编号。"),
        [
            DemoParameter.Choice(
                "mode",
                new("Mode", "方式"),
                [
                    new DemoChoice("serial", new("Serial: one after another", "串行：一个接一个")),
                    new DemoChoice("one-core", new("Concurrent: three threads, one core", "并发：三个线程，一个核")),
                    new DemoChoice("parallel", new("Parallel: three threads, all cores", "并行：三个线程，所有核")),
                ],
                "serial"),
            new("work", new("CPU work per job", "每个任务的计算量"), 20, 500, 150, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var mode = context.Parameters.Choice("mode");
        var work = TimeSpan.FromMilliseconds(context.Parameters["work"]);
        var main = context.Main;
        var ledger = new CoreLedger();
        var clock = Stopwatch.StartNew();
        main.Print($"{Environment.ProcessorCount} cores; each job needs {work.TotalMilliseconds:0} ms of CPU time");

        if (mode == "serial")
        {
            // Serial: the next job does not start until the previous one has finished.
            foreach (var name in Jobs)
            {
                main.Join(context.StartThread(name, lane => Compute(lane, ledger, work, context.Cancellation)));
            }
        }
        else
        {
            // One core: every job thread pins itself to the core main is on now, so only one of them can run
            // at any moment and the OS must take turns. Parallel: the OS may put them on any core.
            int? pinTo = mode == "one-core" ? NativeMethods.CurrentCore() ?? 0 : null;
            if (pinTo is not null)
            {
                main.Print($"A, B and C will pin themselves to core {pinTo}");
            }

            StartTogether(context, ledger, work, pinTo).ForEach(main.Join);
        }

        main.Print($"all three jobs finished after {clock.Elapsed.TotalMilliseconds:0} ms of wall time");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the three threads parked on a start signal, then fires it, so no job gets a head start
    /// while the others are still being created.
    /// </summary>
    private static List<Lane> StartTogether(DemoContext context, CoreLedger ledger, TimeSpan work, int? pinTo)
    {
        var go = new ManualResetEventSlim();
        var jobs = new List<Lane>();
        foreach (var name in Jobs)
        {
            var parked = new ManualResetEventSlim();
            jobs.Add(context.StartThread(name, lane =>
            {
                if (pinTo is { } core)
                {
                    CpuControl.PinCallingThread(core); // a thread can pin only itself; .NET starts each thread unpinned
                }

                lane.Enter(LaneState.Waiting, "start signal");
                parked.Set();
                go.Wait(context.Cancellation);
                Compute(lane, ledger, work, context.Cancellation);
            }));
            parked.Wait(context.Cancellation); // one thread at a time: each is parked before the next appears
        }

        go.Set();
        return jobs;
    }

    /// <summary>
    /// Burns <paramref name="work"/> of this thread's own CPU time. Wall time can be much longer: while
    /// the OS runs another thread on our core, our CPU clock stands still.
    /// </summary>
    private static void Compute(Lane lane, CoreLedger ledger, TimeSpan work, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        var cpuAtStart = CpuControl.ThreadCpuTime();
        while (true)
        {
            ledger.CheckIn(lane); // marks who holds which core: see CoreLedger
            if (CpuControl.ThreadCpuTime() - cpuAtStart >= work)
            {
                break;
            }

            cancellation.ThrowIfCancellationRequested();
            Thread.SpinWait(200); // a few microseconds of pure computation
        }

        ledger.Leave(lane);
        lane.Print($"{lane.Name} done: {work.TotalMilliseconds:0} ms of CPU took {started.Elapsed.TotalMilliseconds:0} ms of wall time");
    }
}
