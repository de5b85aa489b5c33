using System.Collections.Concurrent;
using System.Diagnostics;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>
/// Starts many tasks that each await a random delay, either on a single-threaded event loop (like
/// Python's asyncio) or on the .NET thread pool. All the waits overlap, so the whole run takes about
/// as long as the longest delay, and on the loop every slice of every task runs on one OS thread.
/// </summary>
public sealed class EventLoopDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "event-loop",
        new("Many awaits, one thread", "成千上万个 await，一个线程"),
        new(
            "All tasks sleep at once; in one-thread mode every running slice has the loop thread's colour, with the thread pool the colours mix.",
            "所有任务同时在睡眠；单线程模式下每一段执行都是事件循环线程的颜色，线程池模式下颜色混杂。"),
        [
            new("tasks", new("Tasks", "任务数"), 1, 1000, 1000),
            new("delay", new("Longest delay", "最长延迟"), 10, 2000, 500, "ms"),
            DemoParameter.Choice(
                "mode",
                new("Runs on", "运行在"),
                [new DemoChoice("one-thread", new("One thread (event loop)", "一个线程（事件循环）")),
                 new DemoChoice("thread-pool", new("Thread pool", "线程池"))],
                "one-thread"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var count = context.Parameters["tasks"];
        var longest = context.Parameters["delay"];
        var oneThread = context.Parameters.Choice("mode") == "one-thread";
        var main = context.Main;

        // Every slice of every task notes the OS thread that ran it.
        var threadsUsed = new ConcurrentDictionary<int, int>();
        var delays = Enumerable.Range(0, count).Select(_ => TimeSpan.FromMilliseconds(Random.Shared.Next(10, longest + 1))).ToList();

        // The loop is an ordinary thread that runs queued continuations one at a time. Without it, the
        // tasks use the default scheduler: the thread pool.
        var loop = oneThread ? EventLoop.Start(context, "event loop", "ready queue") : null;
        var started = Stopwatch.StartNew();
        try
        {
            var tasks = new List<Lane>();
            for (var i = 0; i < count; i++)
            {
                var delay = delays[i];
                Func<Lane, Task> body = lane => NapAsync(lane, delay, threadsUsed, context.Cancellation);
                tasks.Add(loop is null ? context.StartTask($"task {i + 1}", body) : loop.StartTask($"task {i + 1}", body));
            }

            main.Print($"started {count} tasks; waiting for all of them (like asyncio.gather)");
            tasks.ForEach(main.Join);
        }
        finally
        {
            loop?.Stop();
            if (loop is not null)
            {
                main.Join(loop.Lane);
            }
        }

        var sum = delays.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        main.Print($"all {count} tasks done in {started.ElapsedMilliseconds} ms; longest delay {delays.Max().TotalMilliseconds} ms, sum of delays {sum.TotalMilliseconds:N0} ms");
        main.Print($"OS threads that ran task code: {threadsUsed.Count} ({string.Join(", ", threadsUsed.Select(t => $"tid {t.Key}: {t.Value} slices"))})");
        return Task.CompletedTask;
    }

    private static async Task NapAsync(Lane lane, TimeSpan delay, ConcurrentDictionary<int, int> threadsUsed, CancellationToken cancellation)
    {
        threadsUsed.AddOrUpdate(NativeProcess.CurrentThreadId, 1, (_, n) => n + 1);

        // await hands the thread back to whoever runs this task (the loop or the pool) until the timer
        // fires; nothing is blocked meanwhile, so a thousand of these waits overlap.
        await Naps.SleepAsync(lane, delay, cancellation).ConfigureAwait(true);

        threadsUsed.AddOrUpdate(NativeProcess.CurrentThreadId, 1, (_, n) => n + 1);
    }
}
