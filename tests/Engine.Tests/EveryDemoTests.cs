using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests;

/// <summary>What a learner gets by pressing Run without touching a parameter.</summary>
[Collection(TimingSensitive.Name)]
public class EveryDemoTests
{
    public static TheoryData<string> DemoIds => [.. DemoCatalog.CreateDefault().All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(DemoIds))]
    public async Task EveryDemoCompletesWithItsDefaultsWithinTheDefaultLimits(string id)
    {
        var demo = DemoCatalog.CreateDefault().Get(id);

        var (status, events) = await RunHarness.RunAsync(demo);

        Assert.True(status == RunStatus.Completed, $"{id} ended {status}: {events.OfType<RunStatusEvent>().Last().Detail}");
        Assert.Contains(events, e => e is LaneEvent);
        AssertNothingOfAProcessComesAfterItsEnd(events);
    }

    /// <summary>
    /// The log tells what happened in the order it happened: once a process lane is done, no event of it or of
    /// its own threads and tasks follows (a child's last events travel over the event socket, its exit does not).
    /// Its child processes may well outlive it: that is what an orphan is.
    /// </summary>
    private static void AssertNothingOfAProcessComesAfterItsEnd(IReadOnlyList<RunEvent> events)
    {
        var lanes = events.OfType<LaneEvent>().ToDictionary(l => l.Lane);
        int? ProcessOf(int lane)
        {
            for (int? at = lane; at is { } current && lanes.TryGetValue(current, out var info); at = info.Parent)
            {
                if (info.Kind == LaneKind.Process)
                {
                    return current;
                }
            }

            return null;
        }

        bool Inside(int lane, int process) => ProcessOf(lane) == process;

        var ended = new List<int>();
        foreach (var e in events)
        {
            int? lane = e switch
            {
                StateEvent s => s.Lane,
                OutputEvent o => o.Lane,
                MarkEvent m => m.Lane,
                CpuEvent c => c.Lane,
                LaneEvent l => l.Lane,
                _ => null,
            };
            if (lane is { } at && ended.FirstOrDefault(p => Inside(at, p), -1) is var process and >= 0)
            {
                Assert.Fail($"{e} comes after the end of process lane {lanes[process].Name}");
            }

            if (e is StateEvent { State: LaneState.Done } done && lanes[done.Lane].Kind == LaneKind.Process)
            {
                ended.Add(done.Lane);
            }
        }
    }

    [Fact]
    public void EveryDemoHasTitlesAndHintsInBothLanguagesAndSaneParameters()
    {
        foreach (var info in DemoCatalog.CreateDefault().All)
        {
            Assert.False(string.IsNullOrWhiteSpace(info.Title.En) || string.IsNullOrWhiteSpace(info.Title.Zh), info.Id);
            Assert.False(string.IsNullOrWhiteSpace(info.LookFor.En) || string.IsNullOrWhiteSpace(info.LookFor.Zh), info.Id);
            Assert.Matches("^[a-z0-9-]+$", info.Id);
            Assert.All(info.Parameters, p =>
            {
                Assert.InRange(p.Default, p.Min, p.Max);
                Assert.False(string.IsNullOrWhiteSpace(p.Label.Zh), $"{info.Id}.{p.Name} has no Chinese label");
            });
        }
    }
}
