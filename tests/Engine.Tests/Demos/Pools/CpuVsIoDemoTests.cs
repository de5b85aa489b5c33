using ConcurrencyLab.Engine.Demos.Pools;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Pools;

[Collection(TimingSensitive.Name)]
public class CpuVsIoDemoTests
{
    [Fact]
    public async Task DefaultRunSweepsOneToFourThreadsAndPrintsTheTable()
    {
        var (status, events) = await RunHarness.RunAsync(new CpuVsIoDemo());

        Assert.Equal(RunStatus.Completed, status);
        var speedups = Speedups(events);
        Assert.Equal(4, speedups.Count);
        Assert.Equal(1.0, speedups[0]);
        var text = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Contains(text, t => t.Contains($"Environment.ProcessorCount = {Environment.ProcessorCount}"));
        Assert.Contains("threads  wall ms  speedup  ideal", text);
        Assert.Equal(1 + 2 + 3 + 4, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Thread && l.Name != "main"));
    }

    [Fact]
    public async Task TwoThreadsRunCpuWorkInParallelOnTwoCores()
    {
        Assert.True(Environment.ProcessorCount >= 2, "this claim needs at least two cores");

        // Other builds share this machine's cores, so take the best of a few runs: one clean run proves
        // the threads can crunch in parallel; a runtime that serialised them (like CPython's GIL) never would.
        var seen = new List<double>();
        while (seen.Count < 8 && !seen.Any(s => s > 1.3))
        {
            var (status, events) = await RunHarness.RunAsync(new CpuVsIoDemo(), new Dictionary<string, string>
            {
                ["work"] = "cpu", ["threads"] = "2", ["mode"] = "pair", ["cpu"] = "400",
            });
            Assert.Equal(RunStatus.Completed, status);
            seen.Add(Speedups(events)[^1]);
        }

        Assert.True(seen.Any(s => s > 1.3), $"2 threads on CPU work never beat a speedup of 1.3: {string.Join(", ", seen.Select(s => s.ToString("F2")))}");
    }

    [Fact]
    public async Task FourThreadsOverlapTheirIoWaits()
    {
        var best = 0.0;
        for (var attempt = 0; attempt < 3 && best <= 2.5; attempt++)
        {
            var (status, events) = await RunHarness.RunAsync(new CpuVsIoDemo(), new Dictionary<string, string>
            {
                ["work"] = "io", ["threads"] = "4", ["mode"] = "pair", ["wait"] = "40",
            });

            Assert.Equal(RunStatus.Completed, status);
            var fourThreadLanes = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("4×")).Select(l => l.Lane).ToHashSet();
            Assert.Equal(4, fourThreadLanes.Count);
            Assert.All(fourThreadLanes, lane => Assert.Equal(6, events.OfType<StateEvent>().Count(s => s.Lane == lane && s.State == LaneState.Io)));
            best = Math.Max(best, Speedups(events)[^1]);
        }

        Assert.True(best > 2.5, $"4 threads on IO waits gave a speedup of only {best:F2}");
    }

    private static List<double> Speedups(RunEvent[] events) =>
        events.OfType<CounterEvent>().Where(c => c.Name == "speedup").Select(c => c.Value).ToList();
}
