using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class CrashIsolationDemoTests
{
    [Fact]
    public async Task OneChildCrashesAndTheOthersFinishTheRun()
    {
        var (status, events) = await RunHarness.RunAsync(new CrashIsolationDemo(), new Dictionary<string, string> { ["children"] = "3", ["crash"] = "2", ["steps"] = "4", ["pause"] = "20" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Contains("P1 done", output);
        Assert.Contains("P3 done", output);
        Assert.Contains("P2 crashes now", output);
        Assert.DoesNotContain("P2 step 3/4", output);
        Assert.DoesNotContain("P2 done", output);

        var crashed = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process && l.Name == "P2");
        var crashLine = Assert.Single(output, o => o.StartsWith($"P2 (pid {crashed.Pid}) crashed: exit code ", StringComparison.Ordinal));
        Assert.NotEqual("0", crashLine.Split(' ')[^1]);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == crashed.Lane && m.Label != "exited normally (code 0)" && m.Label.Contains("code"));
        Assert.Equal(2, events.OfType<MarkEvent>().Count(m => m.Label == "exited normally (code 0)"));
        Assert.Equal("parent: still running; the run completes normally", output[^1]);
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, events) = await RunHarness.RunAsync(new CrashIsolationDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(3, events.OfType<OutputEvent>().Count(o => o.Text.EndsWith(" done", StringComparison.Ordinal)));
    }
}
