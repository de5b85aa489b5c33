using ConcurrencyLab.Engine.Demos.Locks;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Locks;

public class DeadlockDemoTests
{
    [Fact]
    public async Task OppositeOrderDeadlocksAndTheTimeoutReportsTheCycle()
    {
        var (status, events) = await RunHarness.RunAsync(new DeadlockDemo());

        Assert.Equal(RunStatus.Completed, status);
        var t1 = LaneSpans.LaneNamed(events, "T1");
        var t2 = LaneSpans.LaneNamed(events, "T2");

        // Both threads blocked at the same time, each on the lock the other holds.
        var t1OnB = LaneSpans.Spans(events, t1, LaneState.Blocked).Where(s => s.On == "lockB").ToList();
        var t2OnA = LaneSpans.Spans(events, t2, LaneState.Blocked).Where(s => s.On == "lockA").ToList();
        Assert.Contains(t1OnB, a => t2OnA.Any(b => a.Start < b.End && b.Start < a.End));

        // The cycle, in words and as two linked marks: T1 → T2 and T2 → T1.
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Contains(output, line => line.StartsWith("deadlock: ")
            && line.Contains("T1 holds lockA and waits for lockB held by T2")
            && line.Contains("T2 holds lockB and waits for lockA held by T1"));
        var marks = events.OfType<MarkEvent>().Where(m => m.Label.StartsWith("deadlock:")).ToList();
        Assert.Contains(marks, m => m.Lane == t1 && m.Link == t2 && m.Label == "deadlock: waits for lockB held by T2");
        Assert.Contains(marks, m => m.Lane == t2 && m.Link == t1 && m.Label == "deadlock: waits for lockA held by T1");

        // Exactly one thread backs off, and then both finish their work.
        Assert.Single(events.OfType<MarkEvent>(), m => m.Label.StartsWith("backs off"));
        Assert.Equal(2, output.Count(line => line.EndsWith("released both locks")));
    }

    [Fact]
    public async Task SameOrderNeverDeadlocksOneThreadJustWaitsItsTurn()
    {
        var (status, events) = await RunHarness.RunAsync(new DeadlockDemo(), new Dictionary<string, string> { ["order"] = "same" });

        Assert.Equal(RunStatus.Completed, status);
        Assert.DoesNotContain(events.OfType<MarkEvent>(), m => m.Label.StartsWith("deadlock") || m.Label.StartsWith("backs off"));
        Assert.DoesNotContain(events.OfType<OutputEvent>(), o => o.Text.StartsWith("deadlock"));
        var blocked = events.OfType<StateEvent>().Where(s => s.State == LaneState.Blocked).ToList();
        Assert.NotEmpty(blocked);
        Assert.All(blocked, b => Assert.Equal("lockA", b.On));
        Assert.Equal(2, events.OfType<OutputEvent>().Count(o => o.Text.EndsWith("released both locks")));
    }

    [Fact]
    public async Task ALongWaitWithoutACycleIsNotCalledADeadlock()
    {
        var (status, events) = await RunHarness.RunAsync(
            new DeadlockDemo(), new Dictionary<string, string> { ["order"] = "same", ["timeout"] = "100", ["work"] = "150" });

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label.Contains("no cycle found, still waiting"));
        Assert.DoesNotContain(events.OfType<MarkEvent>(), m => m.Label.StartsWith("deadlock"));
    }
}
