using ConcurrencyLab.Engine.Demos.Pools;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Pools;

public class BoundedQueueDemoTests
{
    [Fact]
    public async Task SlowConsumersFillTheQueueToCapacityAndNeverBeyond()
    {
        var (status, events) = await RunHarness.RunAsync(new BoundedQueueDemo());

        Assert.Equal(RunStatus.Completed, status);
        var lengths = Lengths(events);
        Assert.Equal(4, lengths.Max());
        Assert.Equal(0, lengths[^1]);

        // Every put and every take shows up as one change of the counter (plus the initial zero).
        Assert.Equal(1 + 2 * 16, lengths.Count);
        Assert.Equal(16, events.OfType<OutputEvent>().Count(o => o.Text.StartsWith("took item ")));
    }

    [Fact]
    public async Task ProducersAreHeldBackWhenConsumersAreSlower()
    {
        var (_, events) = await RunHarness.RunAsync(new BoundedQueueDemo(), new Dictionary<string, string>
        {
            ["producers"] = "2", ["consumers"] = "1", ["capacity"] = "2", ["produce"] = "10", ["consume"] = "40",
        });

        Assert.True(Lengths(events).Max() <= 2);
        var producers = Lanes(events, "producer ");
        Assert.All(producers, lane => Assert.Contains(events.OfType<StateEvent>(), s => s.Lane == lane && s.State == LaneState.Waiting && s.On == "queue full"));
    }

    [Fact]
    public async Task FastConsumersWaitForAnEmptyQueueAndProducersNeverBlock()
    {
        var (status, events) = await RunHarness.RunAsync(new BoundedQueueDemo(), new Dictionary<string, string>
        {
            ["producers"] = "1", ["consumers"] = "2", ["capacity"] = "4", ["items"] = "6", ["produce"] = "40", ["consume"] = "5",
        });

        Assert.Equal(RunStatus.Completed, status);
        Assert.DoesNotContain(events.OfType<StateEvent>(), s => s.On == "queue full");
        Assert.All(Lanes(events, "consumer "), lane => Assert.Contains(events.OfType<StateEvent>(), s => s.Lane == lane && s.On == "queue empty"));
    }

    private static List<double> Lengths(RunEvent[] events) =>
        events.OfType<CounterEvent>().Where(c => c.Name == "queue length").Select(c => c.Value).ToList();

    private static List<int> Lanes(RunEvent[] events, string prefix) =>
        events.OfType<LaneEvent>().Where(l => l.Name.StartsWith(prefix)).Select(l => l.Lane).ToList();
}
