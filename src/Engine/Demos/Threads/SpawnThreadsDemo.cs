using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Threads;

/// <summary>
/// Starts N real OS threads. Each prints a few lines with its managed and OS thread ids, sleeping a
/// little between lines, while the main thread waits to join them all.
/// </summary>
public sealed class SpawnThreadsDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "spawn-threads",
        new("Start real threads", "启动真实的线程"),
        new(
            "One lane per thread, each with its own OS thread id; lines from different threads interleave differently on every run.",
            "每个线程一条泳道，各有自己的操作系统线程 ID；不同线程的输出交错出现，每次运行的顺序都不一样。"),
        [
            new("threads", new("Threads", "线程数"), 1, 16, 4),
            new("lines", new("Lines per thread", "每个线程打印行数"), 1, 20, 5),
            new("pause", new("Pause between lines", "每行之间暂停"), 0, 200, 20, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var count = context.Parameters["threads"];
        var lines = context.Parameters["lines"];
        var pause = TimeSpan.FromMilliseconds(context.Parameters["pause"]);
        var main = context.Main;
        main.Print($"main thread: managed id {Environment.CurrentManagedThreadId}, OS tid {main.Tid}");

        var workers = new List<Lane>();
        for (var i = 1; i <= count; i++)
        {
            workers.Add(context.StartThread($"T{i}", lane => PrintLines(lane, lines, pause)));
        }

        main.Print($"started {count} threads; waiting for them to finish");
        foreach (var worker in workers)
        {
            main.Join(worker);
        }

        main.Print("all threads finished");
        return Task.CompletedTask;
    }

    private static void PrintLines(Lane lane, int lines, TimeSpan pause)
    {
        for (var line = 1; line <= lines; line++)
        {
            lane.Print($"{lane.Name} line {line}/{lines}: managed id {Environment.CurrentManagedThreadId}, OS tid {lane.Tid}");
            if (line < lines && pause > TimeSpan.Zero)
            {
                lane.Sleep(pause);
            }
            else
            {
                lane.ReportCore();
            }
        }
    }
}
