using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Threads;

/// <summary>
/// Shows what happens to threads when a program's Main returns. A worker process starts a foreground
/// and a background thread and returns from its Main at once: the foreground thread keeps the process
/// alive until it has finished; the background thread is stopped mid-work when the process exits.
/// </summary>
/// <remarks>
/// The threads inside the worker are plain <c>new Thread</c>s, not lanes: the portal joins every lane
/// before a worker's Main returns, which is exactly what we don't want here. So they report with
/// Console.WriteLine, and their lines appear on the worker's process lane.
/// </remarks>
public sealed class BackgroundThreadsDemo : IProcessDemo
{
    private const string WorkerRole = "worker";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "background-threads",
        new("Foreground and background threads at exit", "程序退出时的前台线程与后台线程"),
        new(
            "The worker's main lane ends at once, but its process lane lives on until the foreground thread's last line; the background thread's lines just stop.",
            "工作进程的主线程泳道马上就结束了，但进程泳道一直活到前台线程打出最后一行；后台线程的输出则戛然而止。"),
        [
            new("foreground", new("Foreground thread steps", "前台线程步数"), 1, 20, 5),
            new("background", new("Background thread steps", "后台线程步数"), 1, 40, 20),
            new("step", new("Time per step", "每步耗时"), 10, 200, 100, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        main.Print("parent: starting a worker process and waiting for it to exit");
        var worker = context.StartProcess("worker", WorkerRole);
        var code = worker.WaitForExit(main);
        main.Print($"parent: the worker (pid {worker.Pid}) exited with code {code}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        Console.WriteLine($"main: pid {Environment.ProcessId} starts a foreground and a background thread");
        var step = TimeSpan.FromMilliseconds(context.Parameters["step"]);
        var foreground = new Thread(() => Work("foreground", context.Parameters["foreground"], step))
        {
            Name = "foreground",
            IsBackground = false, // the default for new Thread: the process waits for it
        };
        var background = new Thread(() => Work("background", context.Parameters["background"], step))
        {
            Name = "background",
            IsBackground = true, // the process does not wait for it
        };
        foreground.Start();
        background.Start();

        Console.WriteLine("main: both started; Main returns now");
        return Task.FromResult(0);
    }

    private static void Work(string name, int steps, TimeSpan step)
    {
        try
        {
            for (var i = 1; i <= steps; i++)
            {
                Thread.Sleep(step);
                Console.WriteLine($"{name}: step {i}/{steps}");
            }

            Console.WriteLine($"{name}: finished all {steps} steps");
        }
        finally
        {
            // Runs when the loop ends or throws; never when the process exits under a background thread.
            Console.WriteLine($"{name}: finally block");
        }
    }
}
