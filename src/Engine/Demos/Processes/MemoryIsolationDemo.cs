using System.Globalization;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// A static field plays the "global variable". The parent sets it, each child process changes it, and the
/// parent reads it again once every child has exited: unchanged, because each process has its own memory.
/// </summary>
public sealed class MemoryIsolationDemo : IProcessDemo
{
    private const string ChildRole = "child";
    private const int ParentValue = 100;

    // One "global" per process: every process that loads this class gets its own copy, starting at 0.
    private static int s_counter;

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "memory-isolation",
        new("Each process has its own memory", "每个进程有自己的内存"),
        new(
            "Each child changes its own copy of the counter; after they exit, the parent's last line still says 100.",
            "每个子进程改的都是自己那份计数器；子进程都退出后，父进程最后一行打印的仍是 100。"),
        [
            new("children", new("Child processes", "子进程数"), 1, 6, 3),
            new("steps", new("Additions per child", "每个子进程累加次数"), 1, 20, 5),
            new("pause", new("Pause between additions", "每次累加之间暂停"), 0, 200, 30, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        s_counter = ParentValue;
        main.Print($"parent (pid {Environment.ProcessId}): counter = {s_counter}");

        var children = Enumerable.Range(1, context.Parameters["children"])
            .Select(i => context.StartProcess($"P{i}", ChildRole, [i.ToString(CultureInfo.InvariantCulture)]))
            .ToList();
        foreach (var child in children)
        {
            child.WaitForExit(main);
        }

        // Nothing the children did can reach this process's memory.
        main.Print($"parent: all children exited; counter = {s_counter}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var n = int.Parse(arguments[0], CultureInfo.InvariantCulture);

        // .NET starts a fresh program for a child: static fields begin at their initial values, not the parent's.
        Console.WriteLine($"child {n} (pid {Environment.ProcessId}): counter starts at {s_counter}");
        var steps = context.Parameters["steps"];
        var pause = TimeSpan.FromMilliseconds(context.Parameters["pause"]);
        for (var step = 1; step <= steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            s_counter += n;
            if (step < steps)
            {
                main.Sleep(pause);
            }
        }

        Console.WriteLine($"child {n}: counter = {s_counter}");
        return Task.FromResult(0);
    }
}
