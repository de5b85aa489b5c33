using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Tests;

/// <summary>Runs a demo to its end and hands back its log, failing the test if it hangs.</summary>
internal static class RunHarness
{
    /// <summary>
    /// The warm workers runs take their processes from unless a test gives its own. Small on purpose: while
    /// tests run side by side, some processes come from it and others start cold, often within one run.
    /// </summary>
    public static WorkerPool Workers { get; } = new(new WorkerPoolOptions { Size = 2 }, new RunLimits());

    /// <summary>A pool of size 0: every process starts cold.</summary>
    public static WorkerPool NoWorkers { get; } = new(new WorkerPoolOptions(), new RunLimits());

    public static async Task<(RunStatus Status, RunEvent[] Events)> RunAsync(
        IDemo demo, IReadOnlyDictionary<string, string>? parameters = null, RunLimits? limits = null, WorkerPool? workers = null)
    {
        var run = Create(demo, parameters, limits, workers);
        run.Start();
        var status = await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        AssertNothingLeft(run);
        return (status, Events(run));
    }

    public static DemoRun Create(
        IDemo demo, IReadOnlyDictionary<string, string>? parameters = null, RunLimits? limits = null, WorkerPool? workers = null) =>
        new(demo, DemoParameters.Bind(demo.Info.Parameters, parameters), limits ?? new RunLimits(), workers ?? Workers);

    public static RunEvent[] Events(DemoRun run) => run.Log.Slice(0, run.Log.Count);

    /// <summary>A finished run has no process left (in /proc, grandchildren included) and no live thread of its own.</summary>
    public static void AssertNothingLeft(DemoRun run)
    {
        Assert.Empty(ProcessReaper.FindRunProcesses(run.Token));
        Assert.NotEmpty(run.StartedThreads);
        Assert.All(run.StartedThreads, thread => Assert.True(
            thread.Join(TimeSpan.FromSeconds(1)), $"thread '{thread.Name}' outlived its run"));
    }

    /// <summary>Waits until the run's log holds an event matching <paramref name="condition"/>.</summary>
    public static async Task WaitForAsync(DemoRun run, Func<RunEvent, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var batch in run.Log.ReadAsync(0, 1024, TimeSpan.Zero, timeout.Token))
        {
            if (batch.Events.Any(condition))
            {
                return;
            }
        }

        Assert.Fail("The run ended before the awaited event.");
    }
}
