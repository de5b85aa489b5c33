using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>
/// Ticker tasks and one "blocker" share a single-threaded event loop. The blocker makes a blocking
/// call (a synchronous sleep): the loop's only thread is stuck inside it, so every ticker whose timer
/// fires meanwhile stays ready but cannot run. The fixes: await the wait, or push the blocking call
/// to another thread and await that.
/// </summary>
public sealed class BlockedLoopDemo : IDemo
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "blocked-loop",
        new("One blocking call stalls the loop", "一个阻塞调用卡住整个事件循环"),
        new(
            "With no fix, while the blocker sleeps every ticker turns ready (yellow) and waits, and the ready queue climbs; with a fix the ticks keep coming.",
            "不做修复时，阻塞者睡眠期间，每个计时任务都变成就绪（黄色）却轮不到运行，就绪队列不断变长；修复后节拍照常。"),
        [
            new("tickers", new("Ticker tasks", "计时任务数"), 1, 20, 4),
            new("block", new("Blocking call", "阻塞调用时长"), 100, 3000, 600, "ms"),
            DemoParameter.Choice(
                "fix",
                new("Fix", "修复方式"),
                [new DemoChoice("none", new("None: Thread.Sleep", "不修复：Thread.Sleep")),
                 new DemoChoice("await-delay", new("await Task.Delay", "await Task.Delay")),
                 new DemoChoice("offload", new("await Task.Run(blocking call)", "await Task.Run(阻塞调用)"))],
                "none"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var block = TimeSpan.FromMilliseconds(context.Parameters["block"]);
        var fix = context.Parameters.Choice("fix");
        var main = context.Main;

        var loop = EventLoop.Start(context, "event loop", "ready queue");
        try
        {
            // Tick long enough to be running before, during and after the blocking call.
            var ticks = (int)((block + TimeSpan.FromMilliseconds(600)) / Tick);
            var lanes = Enumerable.Range(1, context.Parameters["tickers"])
                .Select(i => loop.StartTask($"ticker {i}", lane => TickAsync(lane, ticks, context.Cancellation)))
                .Append(loop.StartTask("blocker", lane => BlockAsync(lane, loop.Lane, block, fix, context.Cancellation)))
                .ToList();
            lanes.ForEach(main.Join);
        }
        finally
        {
            loop.Stop();
            main.Join(loop.Lane);
        }

        return Task.CompletedTask;
    }

    /// <summary>Ticks every 50 ms and says so when a tick comes late: the loop could not run it on time.</summary>
    private static async Task TickAsync(Lane lane, int ticks, CancellationToken cancellation)
    {
        var worst = TimeSpan.Zero;
        for (var i = 1; i <= ticks; i++)
        {
            var due = DateTime.UtcNow + Tick;
            await Naps.SleepAsync(lane, Tick, cancellation).ConfigureAwait(true);
            var late = DateTime.UtcNow - due;
            worst = late > worst ? late : worst;
            if (late > Tick)
            {
                lane.Print($"{lane.Name}: tick {i} is {late.TotalMilliseconds:F0} ms late");
            }
        }

        lane.Print($"{lane.Name}: {ticks} ticks, worst delay {worst.TotalMilliseconds:F0} ms");
    }

    private static async Task BlockAsync(Lane lane, Lane loopThread, TimeSpan block, string fix, CancellationToken cancellation)
    {
        // Let the tickers get going first.
        await Naps.SleepAsync(lane, TimeSpan.FromMilliseconds(150), cancellation).ConfigureAwait(true);
        lane.Print($"blocker: a {block.TotalMilliseconds} ms call ({fix})");
        switch (fix)
        {
            case "none":
                // A synchronous call holds the loop's only thread: both the task and the thread sleep.
                loopThread.Enter(LaneState.Sleeping, "Thread.Sleep inside blocker");
                lane.Sleep(block);
                loopThread.Enter(LaneState.Running);
                break;
            case "await-delay":
                // The waiting is handed to a timer; the loop runs the tickers meanwhile.
                await lane.DelayAsync(block).ConfigureAwait(true);
                break;
            default:
                // The blocking call still blocks a thread, but a thread-pool thread, not the loop's.
                lane.Enter(LaneState.Waiting, "Task.Run(Thread.Sleep)");
                await Task.Run(() => BlockingCall(block, cancellation), cancellation).ConfigureAwait(true);
                lane.Enter(LaneState.Running);
                break;
        }

        lane.Print("blocker: done");
    }

    /// <summary>Stands for any call that blocks its thread (Thread.Sleep, a synchronous read), yet wakes if the run is stopped.</summary>
    private static void BlockingCall(TimeSpan duration, CancellationToken cancellation)
    {
        if (cancellation.WaitHandle.WaitOne(duration))
        {
            throw new OperationCanceledException(cancellation);
        }
    }
}
