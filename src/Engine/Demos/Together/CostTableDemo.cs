using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Together;

/// <summary>
/// Measures on this server what each model costs: starting one (and letting it finish), handing control
/// from one to another (a ping-pong), and memory where it can be measured honestly. Prints a table.
/// </summary>
public sealed class CostTableDemo : IProcessDemo
{
    private const string TrivialRole = "trivial";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "cost-table",
        new("What each model costs, measured here", "各模型的开销：在本机实测"),
        new(
            "Three bursts of lanes: a few slow process lanes, then many thread lanes, then many task lanes that come and go almost at once; then two ping-pong pairs. The table is in the console.",
            "三批泳道：几个缓慢的进程泳道，然后许多线程泳道，再是许多几乎一闪而过的任务泳道；最后是两组乒乓交接。结果表格在控制台里。"),
        [
            new("processes", new("Processes to start", "启动的进程数"), 1, 8, 3),
            new("units", new("Threads and tasks to start", "启动的线程数和任务数"), 10, 200, 50),
            new("roundtrips", new("Ping-pong round trips", "乒乓往返次数"), 100, 5000, 500),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var processes = context.Parameters["processes"];
        var units = context.Parameters["units"];
        var roundTrips = context.Parameters["roundtrips"];

        // 1. Creation: start, let it run its (empty) body, wait for its end. One process at a time,
        //    so two starts don't share the cores; threads and tasks in a batch of `units`.
        var rssFile = Path.Combine(Path.GetTempPath(), $"cost-table-{Guid.NewGuid():N}");
        var processMicros = Time(() =>
        {
            for (var i = 1; i <= processes; i++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                // Only the first child reports its memory, through a file: it has no shared memory with us.
                var child = context.StartProcess($"process {i}", TrivialRole, i == 1 ? [rssFile] : [], coldStart: true);
                child.WaitForExit(main);
            }
        }) / processes;
        var processKib = ReadAndDelete(rssFile);

        // .NET compiles code on first use; one warm-up of each, not counted, keeps that out of the numbers.
        main.Join(context.StartThread("warm-up thread", _ => { }));
        main.Join(context.StartTask("warm-up task", _ => Task.CompletedTask));

        var threadMicros = Time(() =>
        {
            var threads = Enumerable.Range(1, units).Select(i => context.StartThread($"thread {i}", _ => { })).ToList();
            threads.ForEach(main.Join);
        }) / units;

        var taskMicros = Time(() =>
        {
            var tasks = Enumerable.Range(1, units).Select(i => context.StartTask($"task {i}", _ => Task.CompletedTask)).ToList();
            tasks.ForEach(main.Join);
        }) / units;

        // 2. Switching: two threads hand a token back and forth through kernel events (each hand-off
        //    puts one thread to sleep and wakes the other: an OS context switch), then two tasks do the
        //    same with awaits (each hand-off queues a continuation; no thread needs to sleep or wake).
        var threadSwitch = ThreadPingPong(context, roundTrips);
        var taskSwitch = TaskPingPong(context, roundTrips);

        // 3. Memory: what one pending task holds on the managed heap (a plain async method waiting).
        var taskBytes = BytesPerPendingTask(1000);

        main.Print("kind      create µs each   switch µs each   memory each");
        main.Print($"process   {F(processMicros),14}   {"—",14}   {(processKib > 0 ? $"{processKib:N0} KiB RSS" : "—")}");
        main.Print($"thread    {F(threadMicros),14}   {F(threadSwitch),14}   (stack: see lesson)");
        main.Print($"task      {F(taskMicros),14}   {F(taskSwitch),14}   {taskBytes:N0} B heap");

        context.Counter("create µs (process)", Math.Round(processMicros, 1));
        context.Counter("create µs (thread)", Math.Round(threadMicros, 1));
        context.Counter("create µs (task)", Math.Round(taskMicros, 1));
        context.Counter("switch µs (thread)", Math.Round(threadSwitch, 2));
        context.Counter("switch µs (task)", Math.Round(taskSwitch, 2));
        if (processKib > 0)
        {
            context.Counter("memory KiB (process RSS)", processKib);
        }

        context.Counter("memory B (task)", taskBytes);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        // A trivial child: does nothing but (for the first one) report its own resident memory.
        if (arguments.Count > 0)
        {
            var kib = ResidentKib();
            File.WriteAllText(arguments[0], kib.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"pid {Environment.ProcessId}: resident memory {kib:N0} KiB");
        }

        return Task.FromResult(0);
    }

    /// <summary>Microseconds per one-way hand-off between two threads using kernel events.</summary>
    private static double ThreadPingPong(DemoContext context, int roundTrips)
    {
        using var toPong = new AutoResetEvent(false);
        using var toPing = new AutoResetEvent(false);
        double micros = 0;
        var pong = context.StartThread("pong thread", lane =>
        {
            lane.Enter(LaneState.Waiting, $"ping-pong × {roundTrips} (not drawn one by one)");
            for (var i = 0; i < roundTrips; i++)
            {
                toPong.WaitOne();
                toPing.Set();
            }

            lane.Enter(LaneState.Running);
        });
        var ping = context.StartThread("ping thread", lane =>
        {
            lane.Enter(LaneState.Waiting, $"ping-pong × {roundTrips} (not drawn one by one)");
            micros = Time(() =>
            {
                for (var i = 0; i < roundTrips; i++)
                {
                    toPong.Set();
                    toPing.WaitOne();
                }
            });
            lane.Enter(LaneState.Running);
        });
        context.Main.Join(ping);
        context.Main.Join(pong);
        return micros / (2 * roundTrips);
    }

    /// <summary>Microseconds per one-way hand-off between two tasks that await each other.</summary>
    private static double TaskPingPong(DemoContext context, int roundTrips)
    {
        var toPong = new SemaphoreSlim(0);
        var toPing = new SemaphoreSlim(0);
        double micros = 0;
        var pong = context.StartTask("pong task", async lane =>
        {
            for (var i = 0; i < roundTrips; i++)
            {
                await toPong.WaitAsync(context.Cancellation);
                toPing.Release();
            }
        });
        var ping = context.StartTask("ping task", async lane =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < roundTrips; i++)
            {
                toPong.Release();
                await toPing.WaitAsync(context.Cancellation);
            }

            micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        });
        context.Main.Join(ping);
        context.Main.Join(pong);
        return micros / (2 * roundTrips);
    }

    /// <summary>Managed heap bytes one waiting async method holds (its state machine and task).</summary>
    private static long BytesPerPendingTask(int count)
    {
        var gate = new TaskCompletionSource();
        var pending = new Task[count];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            pending[i] = WaitAsync(gate.Task);
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        gate.SetResult();
        Task.WaitAll(pending);
        return bytes;

        static async Task WaitAsync(Task gate) => await gate;
    }

    /// <summary>VmRSS of this process, from /proc/self/status (Linux).</summary>
    private static long ResidentKib()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static long ReadAndDelete(string file)
    {
        try
        {
            return File.Exists(file) ? long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture) : 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static string F(double micros) => micros.ToString("0.0", CultureInfo.InvariantCulture);
}
