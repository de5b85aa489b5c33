using System.Globalization;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// Starts N real child processes. Each reports its own pid and its parent's, prints a few lines to its
/// plain stdout (which the parent reads through a pipe) and exits; the parent waits for each. Optionally one child crashes, each child starts grandchildren,
/// or each fills some memory (more than its allowance and it is stopped, not the portal).
/// </summary>
public sealed class SpawnChildrenDemo : IProcessDemo
{
    private const string ChildRole = "child";
    private const string GrandchildRole = "grandchild";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "spawn-children",
        new("Start child processes", "启动子进程"),
        new(
            "One lane group per process with its real pid; every child's parent pid is the portal's. A crashing child ends alone.",
            "每个进程一组泳道，标着真实的 PID；每个子进程的父进程 PID 都是门户进程。一个子进程崩溃，其他进程照常结束。"),
        [
            new("children", new("Child processes", "子进程数"), 1, 8, 4),
            new("lines", new("Lines per child", "每个子进程打印行数"), 1, 50, 3),
            new("pause", new("Pause between lines", "每行之间暂停"), 0, 1000, 100, "ms"),
            new("crash", new("Child that crashes (0 = none)", "崩溃的子进程（0 表示无）"), 0, 8, 0),
            new("grandchildren", new("Grandchildren per child", "每个子进程的孙进程数"), 0, 3, 0),
            new("memory", new("Memory each child fills", "每个子进程占用内存"), 0, 1024, 0, "MiB"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        main.Print($"parent: pid {Environment.ProcessId}");
        var children = Enumerable.Range(1, context.Parameters["children"])
            .Select(i => context.StartProcess($"P{i}", ChildRole, [i.ToString(CultureInfo.InvariantCulture)]))
            .ToList();
        foreach (var child in children)
        {
            var code = child.WaitForExit(main);
            main.Print($"{child.Lane.Name} (pid {child.Pid}) exited with code {code}");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var name = arguments.Count > 0 ? arguments[0] : "?";
        Console.WriteLine($"{role} {name}: pid {Environment.ProcessId}, parent pid {NativeProcess.ParentId}");
        if (role == ChildRole)
        {
            Fill(main, context.Parameters["memory"]);
            var grandchildren = Enumerable.Range(1, context.Parameters["grandchildren"])
                .Select(i => context.StartProcess($"P{name}.{i}", GrandchildRole, [$"{name}.{i}"]))
                .ToList();
            PrintLines(context, main, name, crash: context.Parameters["crash"].ToString(CultureInfo.InvariantCulture) == name);
            grandchildren.ForEach(g => g.WaitForExit(main));
        }
        else
        {
            PrintLines(context, main, name, crash: false);
        }

        return Task.FromResult(0);
    }

    private static void PrintLines(DemoContext context, Lane lane, string name, bool crash)
    {
        var lines = context.Parameters["lines"];
        var pause = TimeSpan.FromMilliseconds(context.Parameters["pause"]);
        for (var line = 1; line <= lines; line++)
        {
            Console.WriteLine($"{name} line {line}/{lines}");
            if (crash)
            {
                Console.WriteLine($"{name} crashes now");
                Environment.FailFast($"{name} crashed on purpose");
            }

            if (line < lines)
            {
                lane.Sleep(pause);
            }
        }
    }

    /// <summary>Allocates and touches memory a mebibyte at a time, so the pages are really used.</summary>
    private static void Fill(Lane lane, int mebibytes)
    {
        if (mebibytes == 0)
        {
            return;
        }

        var blocks = new List<byte[]>();
        for (var i = 1; i <= mebibytes; i++)
        {
            var block = GC.AllocateUninitializedArray<byte>(1 << 20);
            Array.Fill(block, (byte)i);
            blocks.Add(block);
            if (i % 64 == 0 || i == mebibytes)
            {
                Console.WriteLine($"filled {i} MiB");
            }
        }

        GC.KeepAlive(blocks);
    }
}
