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

    /// <summary>
    /// The log tells what happened in the order it happened: once a child process of the run is done, no event of
    /// its own threads and tasks follows (its last events travel over the event socket, its exit does not). Its
    /// own children may outlive it (that is what an orphan is), and a worker cannot order the streams of the
    /// processes it starts, so only the run's direct children are held to this.
    /// </summary>
    private static void AssertNothingOfAProcessComesAfterItsEnd(IReadOnlyList<RunEvent> events)
    {
        var lanes = events.OfType<LaneEvent>().ToDictionary(l => l.Lane);
        int? ProcessOf(int? lane)
        {
            for (var at = lane; at is { } current && lanes.TryGetValue(current, out var info); at = info.Parent)
            {
                if (info.Kind == LaneKind.Process)
                {
                    return current;
                }
            }

            return null;
        }

        var ended = new HashSet<int>();
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
            if (lane is { } at && ProcessOf(at) is { } process && ended.Contains(process))
            {
                Assert.Fail($"{e} comes after the end of process lane {lanes[process].Name}");
            }

            if (e is StateEvent { State: LaneState.Done } done && lanes[done.Lane] is { Kind: LaneKind.Process } child &&
                ProcessOf(child.Parent) is null)
            {
                ended.Add(done.Lane);
            }
        }
    }
}
