using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Pools;

/// <summary>
/// Splits one fixed job across 1..N real threads and times it. CPU work (a number-crunching loop) gets
/// faster only up to the number of cores; IO work (waiting for replies) gets faster with every thread,
/// because waiting threads need no core. Unlike CPython threads, .NET threads run CPU work in parallel.
/// </summary>
public sealed class CpuVsIoDemo : IDemo
{
    /// <summary>Loop steps between two checks for cancellation and two core reports (about a millisecond).</summary>
    private const long Chunk = 1_000_000;

    /// <summary>The IO job: this many requests in total, shared out among the threads.</summary>
    private const int Requests = 24;

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "cpu-vs-io",
        new("CPU-bound vs IO-bound threads", "计算密集与 IO 密集：多线程能快多少"),
        new(
            "CPU work: green lanes on different cores, speedup stops at the core count. IO work: blue waits overlap, speedup keeps growing.",
            "计算任务：绿色泳道分布在不同的核上，加速比到核数就封顶。IO 任务：蓝色的等待互相重叠，加速比随线程数一直涨。"),
        [
            DemoParameter.Choice("work", new("Kind of work", "任务类型"),
            [
                new DemoChoice("cpu", new("CPU: crunch numbers", "计算：纯 CPU 运算")),
                new DemoChoice("io", new("IO: wait for replies", "IO：等待响应")),
            ]),
            new("threads", new("Threads", "线程数"), 1, 8, 4),
            DemoParameter.Choice("mode", new("Runs", "运行方式"),
            [
                new DemoChoice("sweep", new("Sweep: 1, 2, …, N threads", "逐个试：1、2……N 个线程")),
                new DemoChoice("pair", new("1 thread, then N", "先 1 个线程，再 N 个")),
            ]),
            new("cpu", new("CPU work (time on one thread)", "计算量（单线程耗时）"), 100, 1000, 300, "ms"),
            new("wait", new("Wait per request (IO)", "每个请求的等待（IO）"), 5, 100, 25, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var cpu = context.Parameters.Choice("work") == "cpu";
        var most = context.Parameters["threads"];
        var cores = Environment.ProcessorCount;
        main.Print($"This server has {cores} cores (Environment.ProcessorCount = {cores}).");
        var steps = cpu ? Calibrate(TimeSpan.FromMilliseconds(context.Parameters["cpu"]), context.Cancellation) : 0;
        main.Print(cpu
            ? $"Job: {steps / 1_000_000.0:F0} million steps of a number-crunching loop (about {context.Parameters["cpu"]} ms on one thread), split evenly across the threads."
            : $"Job: {Requests} requests, each waiting {context.Parameters["wait"]} ms for a reply, split evenly across the threads.");

        int[] counts = context.Parameters.Choice("mode") == "sweep" ? [.. Enumerable.Range(1, most)] : [.. new[] { 1, most }.Distinct()];
        var rows = new List<string> { "threads  wall ms  speedup  ideal" };
        double? baseline = null;
        foreach (var threads in counts)
        {
            main.Mark($"{threads} thread(s)");
            var wall = cpu ? RunCpu(context, threads, steps) : RunIo(context, threads);
            baseline ??= wall.TotalMilliseconds;
            var speedup = baseline.Value / wall.TotalMilliseconds;

            // The ideal: CPU work can't go faster than one thread per core; waiting needs no core at all.
            var ideal = cpu ? Math.Min(threads, cores) : threads;
            context.Counter("speedup", Math.Round(speedup, 2));
            rows.Add($"{threads,7}  {wall.TotalMilliseconds,7:F0}  {speedup,7:F2}  {ideal,5:F2}");
            main.Print($"{threads} thread(s): {wall.TotalMilliseconds:F0} ms, speedup {speedup:F2} (ideal {ideal})");
        }

        rows.ForEach(main.Print);
        return Task.CompletedTask;
    }

    private static TimeSpan RunCpu(DemoContext context, int threads, long total)
    {
        var results = new ulong[threads];
        return Time(context, threads, (lane, index) =>
        {
            // The same total work whatever the thread count: each thread takes its share.
            var share = total / threads + (index < total % threads ? 1 : 0);
            results[index] = Crunch(lane, share, (ulong)index + 1, context.Cancellation);
            lane.Print($"{share / 1_000_000.0:F1} M steps done, checksum {results[index] % 10_000:D4}");
        });
    }

    private static TimeSpan RunIo(DemoContext context, int threads)
    {
        var wait = TimeSpan.FromMilliseconds(context.Parameters["wait"]);
        return Time(context, threads, (lane, index) =>
        {
            var mine = Requests / threads + (index < Requests % threads ? 1 : 0);
            for (var request = 1; request <= mine; request++)
            {
                // A stand-in for a network call: the thread sleeps in the kernel until the "reply" is due.
                // It holds no core while it waits, so other threads can wait at the same time.
                lane.Enter(LaneState.Io, $"request {request}/{mine}");
                if (context.Cancellation.WaitHandle.WaitOne(wait))
                {
                    throw new OperationCanceledException(context.Cancellation);
                }

                lane.Enter(LaneState.Running);
            }

            lane.Print($"{mine} requests answered");
        });
    }

    /// <summary>Starts the threads, waits for all of them, and returns the wall time from first start to last finish.</summary>
    private static TimeSpan Time(DemoContext context, int threads, Action<Lane, int> body)
    {
        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, threads)
            .Select(index => context.StartThread($"{threads}×T{index + 1}", lane => body(lane, index)))
            .ToList();
        lanes.ForEach(context.Main.Join);
        return clock.Elapsed;
    }

    /// <summary>Sizes the job: how many loop steps one thread gets through in <paramref name="target"/>, timed on a short sample.</summary>
    private static long Calibrate(TimeSpan target, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        long steps = 0;
        while (clock.ElapsedMilliseconds < 30)
        {
            Crunch(null, Chunk, 1, cancellation);
            steps += Chunk;
        }

        return (long)(steps * (target / clock.Elapsed));
    }

    /// <summary>
    /// Pure CPU work: a xorshift random-number loop. Each step depends on the one before, so the
    /// compiler can't skip it, and it touches no memory, so the threads don't slow each other down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled fully at once, so the calibration times the same code the threads run
    private static ulong Crunch(Lane? lane, long steps, ulong seed, CancellationToken cancellation)
    {
        var x = seed * 0x9E3779B97F4A7C15UL;
        for (long done = 0; done < steps; done += Chunk)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var i = Math.Min(Chunk, steps - done); i > 0; i--)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            lane?.ReportCore();
        }

        return x;
    }
}
