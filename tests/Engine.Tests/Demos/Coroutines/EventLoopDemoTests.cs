using ConcurrencyLab.Engine.Demos.Coroutines;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Coroutines;

[Collection(TimingSensitive.Name)]
public class EventLoopDemoTests
{
    [Fact]
    public async Task DefaultRunCompletesWithAThousandTasksOnOneThread()
    {
        var (status, events) = await RunHarness.RunAsync(new EventLoopDemo());

        Assert.Equal(RunStatus.Completed, status);
        var tasks = Timeline.Tasks(events);
        Assert.Equal(1000, tasks.Count);
        var loop = Timeline.Lane(events, "event loop");
        Assert.All(tasks, t => Assert.Equal(loop.Lane, t.Parent));
        Assert.Equal([loop.Tid], tasks.SelectMany(t => Timeline.Running(events, t.Lane)).Select(s => s.Tid).Distinct());
    }

    [Fact]
    public async Task OnTheLoopEveryTaskSliceRunsOnTheLoopThreadAndTheWaitsOverlap()
    {
        var (status, events) = await RunHarness.RunAsync(new EventLoopDemo(), Parameters("one-thread"));

        Assert.Equal(RunStatus.Completed, status);
        var tasks = Timeline.Tasks(events);
        var slices = tasks.SelectMany(t => Timeline.Running(events, t.Lane)).ToList();
        Assert.Equal(200, tasks.Count);
        Assert.Equal(2 * 200, slices.Count);
        var loopTid = Timeline.Lane(events, "event loop").Tid;
        Assert.NotNull(loopTid);
        Assert.All(slices, s => Assert.Equal(loopTid, s.Tid));
        AssertAllDoneInAboutTheLongestDelay(events, tasks);
    }

    [Fact]
    public async Task OnThePoolTaskSlicesRunOnSeveralThreads()
    {
        // The lesson's own run: a thousand tasks, on a quiet machine (no warm worker booting after an earlier test).
        // With fewer tasks, or beside other work, the thread pool (which wakes the thread that parked last) can run
        // every one of these short slices on one thread.
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await RunHarness.Workers.WaitUntilFullAsync(quiet.Token);
        var (status, events) = await RunHarness.RunAsync(new EventLoopDemo(), Parameters("thread-pool", tasks: 1000));

        Assert.Equal(RunStatus.Completed, status);
        var tasks = Timeline.Tasks(events);
        Assert.Equal(1000, tasks.Count);
        Assert.DoesNotContain(events.OfType<LaneEvent>(), l => l.Name == "event loop");
        var tids = tasks.SelectMany(t => Timeline.Running(events, t.Lane)).Select(s => s.Tid).Distinct().ToList();
        Assert.True(tids.Count > 1, $"expected several pool threads, saw {tids.Count}");
        AssertAllDoneInAboutTheLongestDelay(events, tasks);
    }

    private static Dictionary<string, string> Parameters(string mode, int tasks = 200) =>
        new() { ["tasks"] = tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["delay"] = "300", ["mode"] = mode };

    /// <summary>Every task ends, and the whole batch takes about the longest delay, far less than the sum.</summary>
    private static void AssertAllDoneInAboutTheLongestDelay(RunEvent[] events, List<LaneEvent> tasks)
    {
        var states = tasks.Select(t => Timeline.States(events, t.Lane)).ToList();
        Assert.All(states, s => Assert.Equal(LaneState.Done, s[^1].State));
        var sleeps = states.Select(s =>
        {
            var sleeping = s.First(e => e.State == LaneState.Sleeping);
            var woke = s.First(e => e.State == LaneState.Ready);
            return woke.T - sleeping.T;
        }).ToList();
        var elapsed = states.Max(s => s[^1].T) - states.Min(s => s[0].T);
        Assert.InRange(elapsed, sleeps.Max(), sleeps.Max() + 2_000_000);
        Assert.True(elapsed * 10 < sleeps.Sum(), $"took {elapsed} µs; the delays add up to {sleeps.Sum()} µs");
    }
}
