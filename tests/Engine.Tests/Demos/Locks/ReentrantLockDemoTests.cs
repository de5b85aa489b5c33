using ConcurrencyLab.Engine.Demos.Locks;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Locks;

public class ReentrantLockDemoTests
{
    [Fact]
    public async Task ReentryCountRisesToTheDepthAndBackWhileTheOtherThreadWaits()
    {
        var (status, events) = await RunHarness.RunAsync(new ReentrantLockDemo(), new Dictionary<string, string> { ["depth"] = "3" });

        Assert.Equal(RunStatus.Completed, status);

        // T1 climbs 1, 2, 3 and comes back down to 0; then T2's single hold: 1, 0.
        var counts = events.OfType<CounterEvent>().Where(c => c.Name == "re-entry count").ToList();
        Assert.Equal([0, 1, 2, 3, 2, 1, 0, 1, 0], counts.Select(c => c.Value));

        // T2 blocked while T1 held the lock, and got in only after the count was back to zero.
        var t1 = LaneSpans.LaneNamed(events, "T1");
        var t2 = LaneSpans.LaneNamed(events, "T2");
        var blocked = Assert.Single(LaneSpans.Spans(events, t2, LaneState.Blocked));
        Assert.Equal("tree lock", blocked.On);
        var backToZero = counts[6].T;
        Assert.True(blocked.Start < counts[3].T, "T2 should be blocked before T1 reaches the full depth");
        Assert.True(blocked.End >= backToZero, "T2 should stay blocked until the count is back to zero");
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == t2 && m.Label == "got tree lock" && m.Link == t1);

        // The holder itself never blocked on its own lock.
        Assert.Empty(LaneSpans.Spans(events, t1, LaneState.Blocked));
    }

    [Fact]
    public async Task DefaultRunCompletes()
    {
        var (status, events) = await RunHarness.RunAsync(new ReentrantLockDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(4, events.OfType<CounterEvent>().Max(c => c.Value));
    }

    [Fact]
    public async Task ANonReentrantLockMakesItsHolderWaitForItself()
    {
        var (status, events) = await RunHarness.RunAsync(new ReentrantLockDemo(), new Dictionary<string, string> { ["kind"] = "plain" });

        Assert.Equal(RunStatus.Completed, status);
        var t1 = LaneSpans.LaneNamed(events, "T1");
        var selfWait = Assert.Single(LaneSpans.Spans(events, t1, LaneState.Blocked));
        Assert.Equal("tree lock", selfWait.On);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == t1 && m.Link == t1 && m.Label.StartsWith("self-deadlock"));

        // The count never passes 1: the second level never got in. T2 still gets the lock at the end.
        Assert.Equal(1, events.OfType<CounterEvent>().Where(c => c.Name == "re-entry count").Max(c => c.Value));
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text.StartsWith("T2 got the lock"));
    }
}
