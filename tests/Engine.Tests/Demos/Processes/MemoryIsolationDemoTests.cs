using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class MemoryIsolationDemoTests
{
    [Fact]
    public async Task ChildrenChangeTheirOwnCopiesAndTheParentsCounterStaysUnchanged()
    {
        var (status, events) = await RunHarness.RunAsync(new MemoryIsolationDemo(), new Dictionary<string, string> { ["children"] = "3", ["steps"] = "4", ["pause"] = "5" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Equal($"parent (pid {Environment.ProcessId}): counter = 100", output[0]);
        Assert.Equal("parent: all children exited; counter = 100", output[^1]);
        var processes = events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Process).ToList();
        Assert.Equal(3, processes.Count);
        foreach (var process in processes)
        {
            var n = int.Parse(process.Name[1..]);
            var lines = events.OfType<OutputEvent>().Where(o => o.Lane == process.Lane).Select(o => o.Text).ToList();
            Assert.Equal([$"child {n} (pid {process.Pid}): counter starts at 0", $"child {n}: counter = {4 * n}"], lines);
        }
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, events) = await RunHarness.RunAsync(new MemoryIsolationDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text == "parent: all children exited; counter = 100");
    }
}
