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
