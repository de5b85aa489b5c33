using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.Threads;

public class BackgroundThreadsDemoTests
{
    [Fact]
    public async Task TheForegroundThreadFinishesAndTheBackgroundThreadIsCutOff()
    {
        var limits = new RunLimits { WallTime = TimeSpan.FromSeconds(25) };
        var (status, events) = await RunHarness.RunAsync(new BackgroundThreadsDemo(), new Dictionary<string, string> { ["foreground"] = "6", ["background"] = "30", ["step"] = "50" }, limits);

        Assert.Equal(RunStatus.Completed, status);
        var process = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        var lines = events.OfType<OutputEvent>().Where(o => o.Lane == process.Lane).Select(o => o.Text).ToList();

        Assert.StartsWith("main: pid ", lines[0]);
        Assert.Contains("main: both started; Main returns now", lines);
        Assert.Equal(["foreground: step 1/6", "foreground: step 2/6", "foreground: step 3/6", "foreground: step 4/6", "foreground: step 5/6", "foreground: step 6/6", "foreground: finished all 6 steps", "foreground: finally block"],
            lines.Where(l => l.StartsWith("foreground", StringComparison.Ordinal)));
        Assert.Contains("background: step 1/30", lines);
        Assert.DoesNotContain("background: step 30/30", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("background: finally", StringComparison.Ordinal) || l.StartsWith("background: finished", StringComparison.Ordinal));
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == process.Lane && m.Label == "exited normally (code 0)");
    }

    [Fact]
    public async Task TheWorkersMainThreadEndsBeforeItsProcessDoes()
    {
        var (status, events) = await RunHarness.RunAsync(new BackgroundThreadsDemo(), new Dictionary<string, string> { ["foreground"] = "4", ["step"] = "100" });

        Assert.Equal(RunStatus.Completed, status);
        var process = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        var workerMain = events.OfType<LaneEvent>().Single(l => l.Parent == process.Lane);
        var mainDone = events.OfType<StateEvent>().Single(s => s.Lane == workerMain.Lane && s.State == LaneState.Done);
        var processDone = events.OfType<StateEvent>().Single(s => s.Lane == process.Lane && s.State == LaneState.Done);
        var lastForegroundStep = events.OfType<OutputEvent>().Single(o => o.Text == "foreground: step 4/4");
        Assert.True(mainDone.T < lastForegroundStep.T, "the worker's Main returned before the foreground thread finished");
        Assert.True(lastForegroundStep.T < processDone.T, "the process lived until the foreground thread finished");
    }
}
