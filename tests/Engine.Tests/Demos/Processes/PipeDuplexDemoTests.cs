using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class PipeDuplexDemoTests
{
    [Fact]
    public async Task EveryPingGetsItsPongInOrderAndTheChildExitsWhenTheParentCloses()
    {
        var (status, events) = await RunHarness.RunAsync(new PipeDuplexDemo(), new Dictionary<string, string> { ["messages"] = "5", ["think"] = "5" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var child = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        Assert.Equal(["pong 1", "pong 2", "pong 3", "pong 4", "pong 5"], events.OfType<OutputEvent>().Where(o => o.Lane == child.Lane).Select(o => o.Text));
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"parent: sent ping {i}, got pong {i}"), output.Where(o => o.StartsWith("parent: sent", StringComparison.Ordinal)));
        Assert.Contains("child: stdin closed after 5 pings; exiting", output);
        Assert.Equal("parent: child exited with code 0", output.Last(o => o.StartsWith("parent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EachSideWaitsOnItsPipeWhileTheOtherWorks()
    {
        var (_, events) = await RunHarness.RunAsync(new PipeDuplexDemo(), new Dictionary<string, string> { ["messages"] = "3", ["think"] = "20" }, LoadTolerantLimits.Value);

        var child = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        var parentMain = events.OfType<LaneEvent>().Single(l => l.Name == "main" && l.Pid == Environment.ProcessId);
        var childMain = events.OfType<LaneEvent>().Single(l => l.Parent == child.Lane);
        var states = events.OfType<StateEvent>().ToList();
        Assert.Equal(3, states.Count(s => s.Lane == parentMain.Lane && s.State == LaneState.Io && s.On == "stdout of P1"));
        Assert.Equal(4, states.Count(s => s.Lane == childMain.Lane && s.State == LaneState.Io && s.On == "read stdin"));

        // The child gets each ping only after the parent sent it.
        var sends = events.OfType<MarkEvent>().Where(m => m.Lane == parentMain.Lane && m.Label.StartsWith("ping", StringComparison.Ordinal)).ToList();
        var receipts = events.OfType<MarkEvent>().Where(m => m.Lane == childMain.Lane).ToList();
        Assert.Equal(3, receipts.Count);
        Assert.All(sends.Zip(receipts), pair => Assert.True(pair.Second.T >= pair.First.T, "a ping arrived before it was sent"));
        Assert.All(sends, m => Assert.Equal(child.Lane, m.Link));
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, _) = await RunHarness.RunAsync(new PipeDuplexDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
    }
}
