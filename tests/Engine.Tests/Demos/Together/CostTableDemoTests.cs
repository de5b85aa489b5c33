using System.Globalization;
using ConcurrencyLab.Engine.Demos.Together;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.Together;

public class CostTableDemoTests
{
    [Fact]
    public async Task ProcessesCostMoreToStartThanThreadsAndThreadsMoreThanTasks()
    {
        var (status, events) = await RunHarness.RunAsync(new CostTableDemo(), new Dictionary<string, string> { ["processes"] = "2", ["units"] = "40", ["roundtrips"] = "200" });

        Assert.Equal(RunStatus.Completed, status);
        var lines = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        var header = lines.FindIndex(l => l.StartsWith("kind ", StringComparison.Ordinal));
        Assert.True(header >= 0, "the table header is printed");
        var rows = lines.Skip(header + 1).Take(3).ToList();
        Assert.Equal(["process", "thread", "task"], rows.Select(r => r.Split(' ')[0]));

        double Create(string kind) => double.Parse(rows.Single(r => r.StartsWith(kind + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        Assert.True(Create("process") > Create("thread"), string.Join(" | ", rows));
        Assert.True(Create("thread") > Create("task"), string.Join(" | ", rows));

        var counters = events.OfType<CounterEvent>().Select(c => c.Name).ToList();
        Assert.Contains("create µs (process)", counters);
        Assert.Contains("switch µs (task)", counters);
        Assert.Contains(counters, c => c == "memory KiB (process RSS)");
        Assert.Equal(2, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Process));
        Assert.Equal(40 + 1 + 2, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Task));
    }

    [Fact]
    public async Task RunsWithItsDefaultsWithinThreeSecondsOfWork()
    {
        var (status, events) = await RunHarness.RunAsync(new CostTableDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text.StartsWith("task ", StringComparison.Ordinal) && o.Text.EndsWith("B heap", StringComparison.Ordinal));
    }
}
