using ConcurrencyLab.Engine.Demos.Signals;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Signals;

public class EventTrafficLightDemoTests
{
    [Fact]
    public async Task NoCarPassesWhileTheLightIsRedAndSomeCarsWaitForGreen()
    {
        var (status, events) = await RunHarness.RunAsync(new EventTrafficLightDemo(), new Dictionary<string, string> { ["cars"] = "10", ["green"] = "50", ["red"] = "100" });

        Assert.Equal(RunStatus.Completed, status);
        var light = events.OfType<LaneEvent>().Single(l => l.Name == "light").Lane;
        string? lastLight = null;
        var passes = 0;
        foreach (var mark in events.OfType<MarkEvent>())
        {
            if (mark.Lane == light && mark.Label is "green (Set)" or "red (Reset)")
            {
                lastLight = mark.Label;
            }
            else if (mark.Label == "passes")
            {
                Assert.Equal("green (Set)", lastLight);
                passes++;
            }
        }

        Assert.Equal(10, passes);
        var waiters = events.OfType<StateEvent>().Where(s => s is { State: LaneState.Waiting, On: "green light" }).Select(s => s.Lane).ToHashSet();
        Assert.NotEmpty(waiters);
        var woken = events.OfType<MarkEvent>().Where(m => m.Lane == light && m.Link is not null).Select(m => m.Link!.Value).ToHashSet();
        Assert.Superset(waiters, woken);
    }

    [Fact]
    public async Task TheDefaultRunCompletes()
    {
        var (status, events) = await RunHarness.RunAsync(new EventTrafficLightDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(8, events.OfType<MarkEvent>().Count(m => m.Label == "passes"));
    }
}
