using System.Diagnostics;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;
using EventLog = ConcurrencyLab.Engine.Events.EventLog; // not System.Diagnostics.EventLog, which the portal's framework brings

namespace ConcurrencyLab.Bench;

/// <summary>Runs a demo once and times the first event of the lane it starts.</summary>
internal static class DemoStart
{
    /// <summary>
    /// Returns the event's own T (microseconds from the run's clock restart inside Start) and the wall time
    /// from just before Start until a reader of the log, like the portal's live stream, saw the event. The run
    /// takes its processes from <paramref name="workers"/> when given.
    /// </summary>
    public static (double T, double Wall) Measure(IDemo demo, DemoParameters parameters, Func<RunEvent, bool> isTarget, WorkerPool? workers)
    {
        var run = new DemoRun(demo, parameters, new RunLimits(), workers);
        var seen = WatchForAsync(run.Log, isTarget); // already waiting on the empty log when the run starts
        var before = Stopwatch.GetTimestamp();
        run.Start();
        var (target, seenAt) = seen.GetAwaiter().GetResult();
        var status = run.Completion.GetAwaiter().GetResult();
        run.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (status != RunStatus.Completed)
        {
            throw new InvalidOperationException($"{demo.Info.Id} ended {status}, not completed.");
        }

        return (target.T, Stopwatch.GetElapsedTime(before, seenAt).TotalMicroseconds);
    }

    private static async Task<(RunEvent Event, long SeenAt)> WatchForAsync(EventLog log, Func<RunEvent, bool> isTarget)
    {
        await foreach (var batch in log.ReadAsync(0, 256, TimeSpan.Zero))
        {
            foreach (var e in batch.Events)
            {
                if (isTarget(e))
                {
                    return (e, Stopwatch.GetTimestamp());
                }
            }
        }

        throw new InvalidOperationException("The run ended without the event the benchmark waits for.");
    }
}
