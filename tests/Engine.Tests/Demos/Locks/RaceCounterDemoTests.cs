using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.Locks;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Locks;

public partial class RaceCounterDemoTests
{
    [Fact]
    public async Task DefaultRunCompletesAndReportsTheFinalValue()
    {
        var (status, events) = await RunHarness.RunAsync(new RaceCounterDemo());

        Assert.Equal(RunStatus.Completed, status);
        var (expected, got) = FinalValue(events);
        Assert.Equal(4_000_000, expected);
        Assert.InRange(got, 1, expected);
        Assert.Contains(events.OfType<CounterEvent>(), c => c.Name == "n");
    }

    [Fact]
    public async Task RaceWithoutALockLosesUpdates()
    {
        var runs = new List<(long Expected, long Got)>();
        for (var run = 0; run < 5; run++)
        {
            var (status, events) = await RunHarness.RunAsync(new RaceCounterDemo(), new Dictionary<string, string> { ["mode"] = "none" });
            Assert.Equal(RunStatus.Completed, status);
            runs.Add(FinalValue(events));
            if (runs[^1].Got < runs[^1].Expected)
            {
                break;
            }
        }

        Assert.Contains(runs, r => r.Got < r.Expected);
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("interlocked")]
    public async Task ProtectedCounterIsAlwaysExact(string mode)
    {
        for (var run = 0; run < 3; run++)
        {
            var (status, events) = await RunHarness.RunAsync(
                new RaceCounterDemo(), new Dictionary<string, string> { ["mode"] = mode, ["increments"] = "300000" });

            Assert.Equal(RunStatus.Completed, status);
            var (expected, got) = FinalValue(events);
            Assert.Equal(1_200_000, expected);
            Assert.Equal(expected, got);
        }
    }

    [Fact]
    public async Task LockModeShowsThreadsBlockedOnTheLockAndWhoLetThemIn()
    {
        var (status, events) = await RunHarness.RunAsync(new RaceCounterDemo(), new Dictionary<string, string> { ["mode"] = "lock" });

        Assert.Equal(RunStatus.Completed, status);
        var workers = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith('T')).Select(l => l.Lane).ToHashSet();
        var blocked = events.OfType<StateEvent>().Where(s => s.State == LaneState.Blocked).ToList();
        Assert.NotEmpty(blocked);
        Assert.All(blocked, b => Assert.Equal("n lock", b.On));
        Assert.True(blocked.Select(b => b.Lane).Distinct().Count() >= 2, "more than one thread should have waited for the lock");
        var got = events.OfType<MarkEvent>().Where(m => m.Label == "got n lock").ToList();
        Assert.NotEmpty(got);
        Assert.All(got, m =>
        {
            Assert.Contains(m.Link!.Value, workers);
            Assert.NotEqual(m.Lane, m.Link);
        });
        Assert.True(events.Length < 200_000, $"{events.Length} events: the lock should draw contended acquisitions only");
    }

    [Fact]
    public async Task NoLockAndInterlockedModesNeverBlock()
    {
        foreach (var mode in new[] { "none", "interlocked" })
        {
            var (_, events) = await RunHarness.RunAsync(
                new RaceCounterDemo(), new Dictionary<string, string> { ["mode"] = mode, ["increments"] = "100000" });
            Assert.DoesNotContain(events.OfType<StateEvent>(), s => s.State == LaneState.Blocked);
        }
    }

    private static (long Expected, long Got) FinalValue(RunEvent[] events)
    {
        var line = events.OfType<OutputEvent>().Select(o => FinalLine().Match(o.Text)).Single(m => m.Success);
        return (long.Parse(line.Groups[1].Value.Replace(",", "")), long.Parse(line.Groups[2].Value.Replace(",", "")));
    }

    [GeneratedRegex(@"^expected n = ([\d,]+), got n = (-?[\d,]+)$")]
    private static partial Regex FinalLine();
}
