using System.Globalization;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// N child processes work step by step. Halfway through, one of them crashes for real: an exception nobody
/// catches, thrown on a thread of its own, ends that whole process. The others never notice and finish.
/// </summary>
public sealed class CrashIsolationDemo : IProcessDemo
{
    private const string ChildRole = "worker";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "crash-isolation",
        new("One process crashes, the others carry on", "一个进程崩溃，其他进程照常运行"),
        new(
            "One lane stops halfway with an error exit code; the other child lanes keep working to the end.",
            "有一条进程泳道半路停下、退出码非零；其余子进程的泳道一直工作到结束。"),
        [
            new("children", new("Child processes", "子进程数"), 2, 6, 4),
            new("crash", new("Child that crashes (0 = none)", "崩溃的子进程（0 表示无）"), 0, 6, 2),
            new("steps", new("Work steps per child", "每个子进程的工作步数"), 2, 20, 6),
            new("pause", new("Time per step", "每步耗时"), 10, 300, 60, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        main.Print($"parent (pid {Environment.ProcessId}): starting {context.Parameters["children"]} workers");
        var children = Enumerable.Range(1, context.Parameters["children"])
            .Select(i => context.StartProcess($"P{i}", ChildRole, [i.ToString(CultureInfo.InvariantCulture)]))
            .ToList();

        foreach (var child in children)
        {
            var code = child.WaitForExit(main);
            main.Print(code == 0
                ? $"{child.Lane.Name} (pid {child.Pid}) finished: exit code 0"
                : $"{child.Lane.Name} (pid {child.Pid}) crashed: exit code {code}");
        }

        main.Print("parent: still running; the run completes normally");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var n = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var steps = context.Parameters["steps"];
        var pause = TimeSpan.FromMilliseconds(context.Parameters["pause"]);
        var crashes = context.Parameters["crash"] == n;
        for (var step = 1; step <= steps; step++)
        {
            main.Sleep(pause); // stands in for real work
            Console.WriteLine($"P{n} step {step}/{steps}");
            if (crashes && step == steps / 2)
            {
                Crash(n);
            }
        }

        Console.WriteLine($"P{n} done");
        return Task.FromResult(0);
    }

    /// <summary>
    /// In .NET an exception nobody catches, on any thread, ends the whole process (the runtime aborts it).
    /// Here that is the point: only this process dies.
    /// </summary>
    private static void Crash(int n)
    {
        Console.WriteLine($"P{n} crashes now");
        var doomed = new Thread(() => throw new InvalidOperationException($"P{n} hit a bug"));
        doomed.Start();
        doomed.Join(); // never returns: the process is gone first
    }
}
