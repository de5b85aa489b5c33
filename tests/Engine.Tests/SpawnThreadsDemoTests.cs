using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests;

public class SpawnThreadsDemoTests
{
    private static readonly Dictionary<string, string> FourThreads = new() { ["threads"] = "4", ["lines"] = "3", ["pause"] = "5" };

    [Fact]
    public async Task FourThreadsMakeFourLanesWithDistinctOsThreadIds()
    {
        var (status, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), FourThreads);

        Assert.Equal(RunStatus.Completed, status);
        var workers = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith('T')).ToList();
        Assert.Equal(4, workers.Count);
        Assert.All(workers, w => Assert.Equal(LaneKind.Thread, w.Kind));
        Assert.All(workers, w => Assert.Equal(Environment.ProcessId, w.Pid));
        Assert.Equal(4, workers.Select(w => w.Tid).Distinct().Count());
        Assert.DoesNotContain(workers, w => w.Tid == Environment.ProcessId || w.Tid is null);
        Assert.Equal(4, workers.Select(w => w.ManagedId).Distinct().Count());
    }

    [Fact]
    public async Task EachLanesEventsAreInTimeOrder()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), FourThreads);

        foreach (var lane in events.GroupBy(LaneOf).Where(g => g.Key is not null))
        {
            var times = lane.Select(e => e.T).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task OutputLinesAreAttributedToTheThreadThatPrintedThem()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), FourThreads);

        var lanes = events.OfType<LaneEvent>().ToDictionary(l => l.Lane);
        var workerLines = events.OfType<OutputEvent>().Where(o => lanes[o.Lane].Name.StartsWith('T')).ToList();
        Assert.Equal(12, workerLines.Count);
        Assert.All(workerLines, line =>
        {
            var lane = lanes[line.Lane];
            Assert.StartsWith(lane.Name + " line", line.Text);
            Assert.Contains($"OS tid {lane.Tid}", line.Text);
        });
    }

    [Fact]
    public async Task EveryWorkerSleepsRunsAndEndsDoneOnARealCore()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), FourThreads);

        var workers = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith('T')).Select(l => l.Lane).ToHashSet();
        var states = events.OfType<StateEvent>().Where(s => workers.Contains(s.Lane)).ToList();
        Assert.All(workers, id =>
        {
            var mine = states.Where(s => s.Lane == id).Select(s => s.State).ToList();
            Assert.Equal(LaneState.Running, mine[0]);
            Assert.Contains(LaneState.Sleeping, mine);
            Assert.Equal(LaneState.Done, mine[^1]);
        });
        Assert.All(events.OfType<CpuEvent>(), c => Assert.InRange(c.Core, 0, Environment.ProcessorCount - 1));
        Assert.True(events.OfType<CpuEvent>().Select(c => c.Lane).Distinct().Count() >= 4);
    }

    [Fact]
    public async Task MainThreadWaitsToJoinEachWorker()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), FourThreads);

        var main = events.OfType<LaneEvent>().Single(l => l.Name == "main");
        var waits = events.OfType<StateEvent>().Where(s => s.Lane == main.Lane && s.State == LaneState.Waiting).ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.StartsWith("join T", w.On));
    }

    private static int? LaneOf(RunEvent e) => ProcessRunTests.LaneOf(e);
}
