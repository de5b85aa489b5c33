using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Tasks;

/// <summary>
/// Starts N tasks on the thread pool. Each awaits a short delay several times and reports the OS thread
/// it resumed on: a task is not a thread, and after an await it may continue on another one.
/// </summary>
public sealed class SpawnTasksDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "spawn-tasks",
        new("Tasks hop between threads", "任务在线程之间跳转"),
        new(
            "Each task lane is underlined in the colour of the OS thread that ran each slice; after an await a task may resume on another thread.",
            "每条任务泳道下方的彩色细线表示每段执行所在的操作系统线程；await 之后，任务可能换到另一个线程上继续执行。"),
        [
            new("tasks", new("Tasks", "任务数"), 1, 64, 8),
            new("awaits", new("Awaits per task", "每个任务的 await 次数"), 1, 20, 4),
            new("delay", new("Delay per await", "每次 await 的延迟"), 0, 200, 10, "ms"),
            new("work", new("CPU work between awaits", "两次 await 之间的计算量"), 0, 20, 5, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var awaits = context.Parameters["awaits"];
        var delay = TimeSpan.FromMilliseconds(context.Parameters["delay"]);
        var work = TimeSpan.FromMilliseconds(context.Parameters["work"]);
        var tasks = Enumerable.Range(1, context.Parameters["tasks"])
            .Select(i => context.StartTask($"task {i}", lane => HopAsync(lane, awaits, delay, work)))
            .ToList();
        tasks.ForEach(context.Main.Join);
        return Task.CompletedTask;
    }

    private static async Task HopAsync(Lane lane, int awaits, TimeSpan delay, TimeSpan work)
    {
        lane.Print($"{lane.Name} starts on OS thread {NativeProcess.CurrentThreadId}");
        Spin(work);
        for (var i = 1; i <= awaits; i++)
        {
            await lane.DelayAsync(delay).ConfigureAwait(false);
            lane.Print($"{lane.Name} resumed on OS thread {NativeProcess.CurrentThreadId} after await {i}");
            Spin(work);
        }
    }

    /// <summary>Keeps the thread busy computing, so the pool needs more than one thread to keep up.</summary>
    private static void Spin(TimeSpan work)
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(work.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(64);
        }
    }
}
