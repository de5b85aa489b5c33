using System.Diagnostics;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Foundations;

/// <summary>
/// The same three I/O-bound jobs handed over three ways: synchronously (submit one, wait for its result,
/// then the next), asynchronously with a callback (submit all, keep working, let each job report back),
/// and by non-blocking polling (submit all, then keep asking "done yet?" between bits of other work).
/// </summary>
public sealed class SubmitStylesDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "submit-styles",
        new("Who waits? Three ways to hand over work", "谁在等？提交任务的三种方式"),
        new(
            "Watch the caller's lane: orange while it waits for a result, green while it does its own work; blue job lanes are the I/O.",
            "看调用方（main）这条泳道：橙色是在等结果，绿色是在做自己的事；任务泳道上的蓝色是 I/O。"),
        [
            DemoParameter.Choice(
                "mode",
                new("Submission", "提交方式"),
                [
                    new DemoChoice("sync", new("Synchronous: wait for each", "同步：逐个等待结果")),
                    new DemoChoice("async-callback", new("Asynchronous with a callback", "异步 + 回调")),
                    new DemoChoice("polling", new("Non-blocking polling", "非阻塞轮询")),
                ],
                "sync"),
            new("io", new("I/O time of the shortest job", "最短任务的 I/O 时间"), 20, 1000, 100, "ms"),
            new("poll", new("Polling interval (polling only)", "轮询间隔（仅轮询方式）"), 5, 200, 25, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var io = context.Parameters["io"];
        var interval = TimeSpan.FromMilliseconds(context.Parameters["poll"]);
        var main = context.Main;

        // The first job submitted is the slowest, so completion order differs from submission order.
        Job[] jobs = [new("job 1", TimeSpan.FromMilliseconds(io * 2)), new("job 2", TimeSpan.FromMilliseconds(io * 3 / 2)), new("job 3", TimeSpan.FromMilliseconds(io))];
        var clock = Stopwatch.StartNew();

        switch (context.Parameters.Choice("mode"))
        {
            case "sync":
                foreach (var job in jobs)
                {
                    var result = Submit(context, job);
                    main.Enter(LaneState.Waiting, "result of " + job.Name); // blocked in place until the job is done
                    result.Wait(context.Cancellation);
                    main.Enter(LaneState.Running);
                    main.Print($"{job.Name} returned {result.Result}");
                }

                break;

            case "async-callback":
                var pending = jobs.Select(job => Submit(context, job, onDone: (lane, value) =>
                {
                    // The callback runs on the job's own lane, the moment its result exists.
                    lane.Print($"callback: {lane.Name} returned {value}");
                    lane.Mark("callback", link: main);
                })).ToList();

                // The caller does not wait: it gets on with its own work while the jobs are in I/O.
                for (var step = 1; step <= 6; step++)
                {
                    main.Print($"caller: own work, step {step}");
                    Spin(TimeSpan.FromMilliseconds(io / 4.0), context.Cancellation);
                }

                // Only at the very end does it wait once, for whatever is still missing.
                main.Enter(LaneState.Waiting, "all results");
                Task.WaitAll([.. pending], context.Cancellation);
                main.Enter(LaneState.Running);
                break;

            case "polling":
                var futures = jobs.Select(job => Submit(context, job)).ToList();
                var seen = new bool[futures.Count];
                for (var poll = 1; seen.Contains(false); poll++)
                {
                    // IsCompleted answers at once, done or not: asking never blocks.
                    main.Mark($"poll {poll}: {futures.Count(f => f.IsCompleted)}/{futures.Count} done");
                    for (var i = 0; i < futures.Count; i++)
                    {
                        if (!seen[i] && futures[i].IsCompleted)
                        {
                            seen[i] = true;
                            main.Print($"poll {poll}: {jobs[i].Name} returned {futures[i].Result}");
                        }
                    }

                    if (seen.Contains(false))
                    {
                        Spin(interval, context.Cancellation); // a little of the caller's own work before asking again
                    }
                }

                break;
        }

        main.Print($"all results in after {clock.Elapsed.TotalMilliseconds:0} ms");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts a job on its own task lane and hands back at once a Task (a "future") that will hold its
    /// result; <paramref name="onDone"/>, if given, is called with the result as soon as it exists.
    /// </summary>
    private static Task<int> Submit(DemoContext context, Job job, Action<Lane, int>? onDone = null)
    {
        var result = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.StartTask(job.Name, async lane =>
        {
            // Stands in for a download or a database query: no thread is busy while we wait for it.
            lane.Enter(LaneState.Io, "simulated download");
            await Task.Delay(job.Duration, context.Cancellation).ConfigureAwait(false);
            lane.Enter(LaneState.Running);
            var value = (int)job.Duration.TotalMilliseconds; // the "result": here, how long the job's I/O took
            onDone?.Invoke(lane, value);
            result.SetResult(value);
        });
        return result.Task;
    }

    /// <summary>Keeps the caller busy computing for a while: its own work, drawn as running.</summary>
    private static void Spin(TimeSpan duration, CancellationToken cancellation)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            cancellation.ThrowIfCancellationRequested();
            Thread.SpinWait(64);
        }
    }

    private sealed record Job(string Name, TimeSpan Duration);
}
