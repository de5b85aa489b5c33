using ConcurrencyLab.Engine.Demos.Signals;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Signals;

public class SemaphoreParkingDemoTests
{
    [Fact]
    public async Task NeverMoreCarsParkThanThereAreSpacesAndLateCarsWait()
    {
        var (status, events) = await RunHarness.RunAsync(new SemaphoreParkingDemo(), new Dictionary<string, string> { ["spaces"] = "2", ["cars"] = "6", ["park"] = "60" });

        Assert.Equal(RunStatus.Completed, status);
        var marks = events.OfType<MarkEvent>().ToList();
        var parks = marks.Where(m => m.Label.StartsWith("parks in bay", StringComparison.Ordinal)).ToList();
        var leaves = marks.Where(m => m.Label.StartsWith("leaves bay", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, parks.Count);
        Assert.Equal(6, leaves.Count);

        // Walk through time; at one instant a leaving car counts before an arriving one.
        var parked = 0;
        var most = 0;
        foreach (var change in leaves.Select(m => (m.T, Step: -1)).Concat(parks.Select(m => (m.T, Step: +1))).OrderBy(c => c.T).ThenBy(c => c.Step))
        {
            parked += change.Step;
            most = Math.Max(most, parked);
        }

        Assert.Equal(2, most);
        var free = events.OfType<CounterEvent>().Where(c => c.Name == "free spaces").Select(c => c.Value).ToList();
        Assert.All(free, value => Assert.InRange(value, 0, 2));
        Assert.Contains(0, free);

        var waits = events.OfType<StateEvent>().Where(s => s is { State: LaneState.Waiting, On: "semaphore" }).ToList();
        Assert.NotEmpty(waits);
    }

    [Fact]
    public async Task EveryCarThatGotAFreedBayIsLinkedFromTheCarThatLeftIt()
    {
        var (status, events) = await RunHarness.RunAsync(new SemaphoreParkingDemo());

        Assert.Equal(RunStatus.Completed, status);
        var names = events.OfType<LaneEvent>().ToDictionary(l => l.Lane, l => l.Name);
        var handovers = events.OfType<MarkEvent>().Where(m => m.Link is not null).ToList();
        Assert.Equal(8 - 3, handovers.Count);
        Assert.All(handovers, h =>
        {
            var bay = h.Label.Split(' ')[1];
            Assert.Equal($"bay {bay} → {names[h.Link!.Value]}", h.Label);
            var left = events.OfType<MarkEvent>().Last(m => m.Lane == h.Lane && m.Label == $"leaves bay {bay}" && m.T <= h.T);
            Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == h.Link && m.Label == $"parks in bay {bay}" && m.T >= left.T);
        });
    }
}
