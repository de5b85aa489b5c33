using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Locks;

/// <summary>
/// N threads each add 1 to one shared number K times. Without a lock, <c>n = n + 1</c> is three
/// separate steps (read, add, write) and threads overwrite each other's updates; with a lock, or with
/// one atomic instruction (<see cref="Interlocked.Increment(ref int)"/>), the total comes out exact.
/// </summary>
public sealed class RaceCounterDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "race-counter",
        new("Lost updates: no lock, lock, Interlocked", "丢失的更新：不加锁、加锁、Interlocked"),
        new(
            "Compare the final n with the expected total; with the lock, red hatched spans show threads blocked while another holds it.",
            "比较最终的 n 和应得的总数；加锁时，红色斜线段是线程在等待别人手里的锁。"),
        [
            new("threads", new("Threads", "线程数"), 2, 16, 4),
            new("increments", new("Increments per thread", "每个线程加几次"), 10_000, 1_000_000, 1_000_000),
            DemoParameter.Choice(
                "mode",
                new("Protection", "保护方式"),
                [
                    new DemoChoice("none", new("No lock", "不加锁")),
                    new DemoChoice("lock", new("Lock", "加锁")),
                    new DemoChoice("interlocked", new("Interlocked", "原子操作 Interlocked")),
                ],
                "none"),
            new("batch", new("Increments per lock hold", "每次持锁加几次"), 100, 100_000, 1000),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var threads = context.Parameters["threads"];
        var increments = context.Parameters["increments"];
        var batch = context.Parameters["batch"];
        var mode = context.Parameters.Choice("mode");
        var main = context.Main;
        var shared = new SharedCounter();
        using var gate = new ObservedLock("n lock");

        // A start line, so every thread begins counting at the same moment instead of one by one.
        using var go = new ManualResetEventSlim();
        var workers = new List<Lane>();
        for (var i = 1; i <= threads; i++)
        {
            workers.Add(context.StartThread($"T{i}", lane =>
            {
                lane.Enter(LaneState.Waiting, "start");
                go.Wait(context.Cancellation);
                lane.Enter(LaneState.Running);
                Count(context, lane, shared, gate, mode, increments, batch);
            }));
        }

        main.Print($"{threads} threads × {increments:N0} increments of n, mode: {mode}");
        go.Set();
        foreach (var worker in workers)
        {
            main.Join(worker);
        }

        long expected = (long)threads * increments;
        var lost = expected - shared.N;
        context.Counter("n", shared.N);
        main.Print($"expected n = {expected:N0}, got n = {shared.N:N0}");
        main.Print(lost == 0 ? "exact: no update was lost" : $"{lost:N0} updates were lost ({100.0 * lost / expected:F1} %)");
        return Task.CompletedTask;
    }

    private static void Count(DemoContext context, Lane lane, SharedCounter shared, ObservedLock gate, string mode, int increments, int batch)
    {
        // Sample n on the timeline ten times per thread: cheap, and enough to see it climb.
        var sampleEvery = Math.Max(1, increments / 10);
        var done = 0;
        while (done < increments)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var chunk = Math.Min(batch, increments - done);
            switch (mode)
            {
                case "none":
                    for (var i = 0; i < chunk; i++)
                    {
                        shared.UnsafeIncrement();
                    }

                    break;
                case "lock":
                    // One hold covers a chunk of increments: inside it, only this thread touches n.
                    gate.Enter(lane, context.Cancellation);
                    try
                    {
                        for (var i = 0; i < chunk; i++)
                        {
                            shared.UnsafeIncrement();
                        }
                    }
                    finally
                    {
                        gate.Exit(lane);
                    }

                    break;
                default:
                    for (var i = 0; i < chunk; i++)
                    {
                        shared.AtomicIncrement();
                    }

                    break;
            }

            if ((done + chunk) / sampleEvery > done / sampleEvery)
            {
                context.Counter("n", shared.N);
            }

            done += chunk;
        }

        lane.ReportCore();
        lane.Print($"{lane.Name} finished its {increments:N0} increments");
    }

    /// <summary>The shared number every thread updates.</summary>
    private sealed class SharedCounter
    {
        private int _n;

        public int N => Volatile.Read(ref _n);

        /// <summary>
        /// <c>n = n + 1</c> spelled out as the three steps the CPU really does. Volatile makes each step
        /// go to memory (the compiler may not merge or skip them); it does NOT make the three steps one.
        /// Another thread can write n between our read and our write, and our write then erases it.
        /// </summary>
        public void UnsafeIncrement()
        {
            var read = Volatile.Read(ref _n);   // 1. read n
            var added = read + 1;               // 2. add 1 (in a register, private to this thread)
            Volatile.Write(ref _n, added);      // 3. write n back
        }

        /// <summary>All three steps as one indivisible instruction (lock xadd on x86).</summary>
        public void AtomicIncrement() => Interlocked.Increment(ref _n);
    }
}
