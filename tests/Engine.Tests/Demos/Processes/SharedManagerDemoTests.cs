using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class SharedManagerDemoTests
{
    [Fact]
    public async Task TheServersListHoldsEveryClientsItemsExactlyOnce()
    {
        var (status, events) = await RunHarness.RunAsync(new SharedManagerDemo(), new Dictionary<string, string> { ["clients"] = "3", ["items"] = "4", ["pause"] = "0" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var server = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process && l.Name == "server");
        var final = Assert.Single(events.OfType<OutputEvent>(), o => o.Lane == server.Lane && o.Text.StartsWith("list has", StringComparison.Ordinal));
        Assert.StartsWith("list has 12 items: [", final.Text);
        var items = final.Text[(final.Text.IndexOf('[') + 1)..^1].Split(", ");
        var expected = from c in Enumerable.Range(1, 3) from i in Enumerable.Range(1, 4) select $"C{c}-{i}";
        Assert.Equal(expected.Order(), items.Order());

        // Each client's items keep their own order, and the proxy saw the list grow.
        foreach (var c in Enumerable.Range(1, 3))
        {
            Assert.Equal(Enumerable.Range(1, 4).Select(i => $"C{c}-{i}"), items.Where(x => x.StartsWith($"C{c}-", StringComparison.Ordinal)));
        }

        Assert.Equal(12, events.OfType<CounterEvent>().Where(e => e.Name == "list length").Max(e => e.Value));
        Assert.Equal("parent: server exited with code 0", events.OfType<OutputEvent>().Last().Text);
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, events) = await RunHarness.RunAsync(new SharedManagerDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text.StartsWith("list has 12 items", StringComparison.Ordinal));
    }
}
