using ConcurrencyLab.Engine.Demos.Coroutines;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Coroutines;

[Collection(TimingSensitive.Name)]
public class BlockedLoopDemoTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task DefaultRunCompletesOnOneThread()
    {
        var (status, events) = await RunHarness.RunAsync(new BlockedLoopDemo());

        Assert.Equal(RunStatus.Completed, status);
        var tasks = Timeline.Tasks(events);
        Assert.Equal(5, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(LaneState.Done, Timeline.States(events, t.Lane)[^1].State));
        var loopTid = Timeline.Lane(events, "event loop").Tid;
        Assert.All(tasks.SelectMany(t => Timeline.Running(events, t.Lane)), s => Assert.Equal(loopTid, s.Tid));
    }

    [Fact]
    public async Task ABlockingSleepDelaysEveryOtherTaskByAboutTheSleep()
    {
        var (status, events) = await RunHarness.RunAsync(new BlockedLoopDemo(), Parameters("none"));

        Assert.Equal(RunStatus.Completed, status);
        var (start, end) = BlockingCall(events, LaneState.Sleeping);
        Assert.InRange(end - start, 780_000, 5_000_000);
        Assert.Contains(Timeline.States(events, Timeline.Lane(events, "event loop").Lane), s => s.State == LaneState.Sleeping);

        foreach (var ticker in Tickers(events))
        {
            // It was asleep when the call began and cannot run until the call ends: one resume is late by about the whole call.
            Assert.DoesNotContain(Timeline.Running(events, ticker.Lane), s => s.Start > start && s.Start < end);
            var late = Timeline.Lateness(events, ticker.Lane, Tick);
            Assert.True(late.Max() >= 700_000, $"{ticker.Name} was at most {late.Max()} µs late");
        }

        Assert.True(events.OfType<CounterEvent>().Where(c => c.Name == "ready queue").Max(c => c.Value) >= 3);
    }

    [Theory]
    [InlineData("await-delay", LaneState.Sleeping)]
    [InlineData("offload", LaneState.Waiting)]
    public async Task WithTheFixTheOtherTasksKeepRunningDuringTheCall(string fix, LaneState blockerShows)
    {
        var (status, events) = await RunHarness.RunAsync(new BlockedLoopDemo(), Parameters(fix));

        Assert.Equal(RunStatus.Completed, status);
        var (start, end) = BlockingCall(events, blockerShows);
        Assert.InRange(end - start, 780_000, 5_000_000);
        Assert.DoesNotContain(Timeline.States(events, Timeline.Lane(events, "event loop").Lane), s => s.State == LaneState.Sleeping);
        foreach (var ticker in Tickers(events))
        {
            // 800 ms of 50 ms ticks: about 16 fall inside the call. On a busy machine the timers themselves
            // fire late, so the proof that the loop stays free is that a ready ticker never waits long for it.
            var during = Timeline.Running(events, ticker.Lane).Count(s => s.Start > start && s.Start < end);
            Assert.True(during >= 1, $"{ticker.Name} ran {during} times during the call");
            var queued = Timeline.ReadyToRunning(events, ticker.Lane);
            Assert.True(queued.Max() < 300_000, $"{ticker.Name} waited {queued.Max()} µs for the loop");
        }
    }

    /// <summary>The span of the blocker's 800 ms call: its last span in <paramref name="state"/>.</summary>
    private static (long Start, long End) BlockingCall(RunEvent[] events, LaneState state)
    {
        var states = Timeline.States(events, Timeline.Lane(events, "blocker").Lane);
        var call = states.Last(s => s.State == state);
        return (call.T, states.First(s => s.T >= call.T && s != call).T);
    }

    private static Dictionary<string, string> Parameters(string fix) => new() { ["tickers"] = "3", ["block"] = "800", ["fix"] = fix };

    private static List<LaneEvent> Tickers(RunEvent[] events)
    {
        var tickers = Timeline.Tasks(events).Where(t => t.Name.StartsWith("ticker", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, tickers.Count);
        return tickers;
    }
}
