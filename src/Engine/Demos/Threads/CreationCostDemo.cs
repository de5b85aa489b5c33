using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Threads;

/// <summary>
/// Measures, live, how long it takes from asking for a new process, thread or task until its first
/// line of code runs. Starts are made one at a time, so they don't compete with each other.
/// </summary>
public sealed class CreationCostDemo : IProcessDemo
{
    private const string ChildRole = "first-instruction";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "creation-cost",
        new("What a start costs: process, thread, task", "启动的代价：进程、线程、任务"),
        new(
            "Process lanes take tens of milliseconds to show their first sign of life; thread and task lanes appear almost at once. The table gives the median of each.",
            "进程泳道要几十毫秒才出现第一个动作；线程和任务的泳道几乎立刻出现。表格给出每种方式的中位数。"),
        [
            new("count", new("Starts of each kind", "每种启动次数"), 1, 20, 5),
            DemoParameter.Choice(
                "kind",
                new("What to start", "启动什么"),
                [
                    new("all", new("All three", "三种都测")),
                    new("process", new("Processes", "进程")),
                    new("thread", new("Threads", "线程")),
                    new("task", new("Tasks", "任务")),
                ],
                "all"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var count = context.Parameters["count"];
        var kind = context.Parameters.Choice("kind");
        var main = context.Main;
        var results = new List<(string Kind, List<double> Micros)>();

        // Stopwatch timestamps come from the monotonic clock, which every process on the machine shares,
        // so a child can subtract the parent's "before" from its own "now".
        if (kind is "all" or "process")
        {
            results.Add(("process", Measure(context, "process", count, i => StartProcess(context, i))));
        }

        // .NET compiles code the first time it runs. Each new process compiles its own, so every process
        // start pays for that; in this process a first thread or task would pay once and the rest not.
        // So threads and tasks get one start that is shown but not counted.
        if (kind is "all" or "thread")
        {
            WarmUp(context, "thread", () => StartThread(context, 0));
            results.Add(("thread", Measure(context, "thread", count, i => StartThread(context, i))));
        }

        if (kind is "all" or "task")
        {
            WarmUp(context, "task", () => StartTask(context, 0));
            results.Add(("task", Measure(context, "task", count, i => StartTask(context, i))));
        }

        main.Print("kind      median      mean    (request → first line of its code)");
        foreach (var (name, micros) in results)
        {
            main.Print($"{name,-7} {Format(Median(micros)),9} {Format(micros.Average()),9}");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var now = Stopwatch.GetTimestamp(); // the child's first instruction of demo code
        var asked = long.Parse(arguments[0], CultureInfo.InvariantCulture);
        var micros = Stopwatch.GetElapsedTime(asked, now).TotalMicroseconds;

        // The parent can't see our variables (separate memory), so the result goes back through a file.
        File.WriteAllText(arguments[1], micros.ToString("R", CultureInfo.InvariantCulture));
        Console.WriteLine($"running {Format(micros)} after the parent asked");
        return Task.FromResult(0);
    }

    private static List<double> Measure(DemoContext context, string kind, int count, Func<int, double> startOne)
    {
        var micros = new List<double>();
        for (var i = 1; i <= count; i++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var cost = startOne(i);
            micros.Add(cost);
            context.Counter($"{kind} start (µs)", Math.Round(cost, 1));
            context.Main.Print($"{kind} {i}: {Format(cost)}");
        }

        return micros;
    }

    private static void WarmUp(DemoContext context, string kind, Func<double> startOne) =>
        context.Main.Print($"{kind} 0 (warm-up, not counted): {Format(startOne())}");

    private static double StartThread(DemoContext context, int i)
    {
        long firstLine = 0;
        var asked = Stopwatch.GetTimestamp();
        var thread = context.StartThread(i == 0 ? "warm-up thread" : $"thread {i}", _ => firstLine = Stopwatch.GetTimestamp());
        context.Main.Join(thread); // after Join, the thread's write to firstLine is visible here
        return Stopwatch.GetElapsedTime(asked, firstLine).TotalMicroseconds;
    }

    private static double StartTask(DemoContext context, int i)
    {
        long firstLine = 0;
        var asked = Stopwatch.GetTimestamp();
        var task = context.StartTask(i == 0 ? "warm-up task" : $"task {i}", _ =>
        {
            firstLine = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        });
        context.Main.Join(task);
        return Stopwatch.GetElapsedTime(asked, firstLine).TotalMicroseconds;
    }

    private static double StartProcess(DemoContext context, int i)
    {
        var file = Path.Combine(Path.GetTempPath(), $"creation-cost-{Guid.NewGuid():N}");
        try
        {
            var asked = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);
            var child = context.StartProcess($"process {i}", ChildRole, [asked, file], coldStart: true);
            var code = child.WaitForExit(context.Main);
            return code == 0
                ? double.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"process {i} exited with code {code}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(double micros) => micros >= 1000
        ? (micros / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : micros.ToString("0.0", CultureInfo.InvariantCulture) + " µs";
}
