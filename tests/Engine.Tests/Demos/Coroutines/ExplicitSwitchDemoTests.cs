using ConcurrencyLab.Engine.Demos.Coroutines;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Coroutines;

public class ExplicitSwitchDemoTests
{
    [Fact]
    public async Task DefaultRunCompletes()
    {
        var (status, events) = await RunHarness.RunAsync(new ExplicitSwitchDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.All(Timeline.Tasks(events), t => Assert.Equal(LaneState.Done, Timeline.States(events, t.Lane)[^1].State));
    }

    [Fact]
    public async Task ProducerAndConsumerTakeStrictTurnsOnOneThread()
    {
        var (_, events) = await RunHarness.RunAsync(new ExplicitSwitchDemo(), new Dictionary<string, string> { ["items"] = "10" });

        var producer = Timeline.Lane(events, "producer").Lane;
        var consumer = Timeline.Lane(events, "consumer").Lane;
        // Each lane's first slice is its start on the thread; the switching comes after.
        var turns = Timeline.Running(events, producer).Skip(1).Concat(Timeline.Running(events, consumer).Skip(1))
            .OrderBy(s => s.Seq).ToList();
        Assert.Equal(10 + 1 + 10 + 2, turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? consumer : producer, turns[i].Lane);
            Assert.True(i == 0 || turns[i].Start >= turns[i - 1].End);
        }

        var thread = Timeline.Lane(events, "the one thread");
        Assert.All(turns, t => Assert.Equal(thread.Tid, t.Tid));
        var switches = events.OfType<MarkEvent>().Where(m => m.Label.StartsWith("switch", StringComparison.Ordinal)).ToList();
        Assert.Equal(turns.Count - 1, switches.Count);
        Assert.All(switches, m => Assert.Equal(m.Lane == producer ? consumer : producer, m.Link));
    }

    [Fact]
    public async Task EveryItemProducedIsConsumedInOrder()
    {
        var (_, events) = await RunHarness.RunAsync(new ExplicitSwitchDemo(), new Dictionary<string, string> { ["items"] = "10" });

        var made = Timeline.Output(events, Timeline.Lane(events, "producer").Lane)
            .Where(l => l.StartsWith("producer: made ", StringComparison.Ordinal)).Select(l => l["producer: made ".Length..]).ToList();
        var eaten = Timeline.Output(events, Timeline.Lane(events, "consumer").Lane)
            .Where(l => l.StartsWith("consumer: ate ", StringComparison.Ordinal)).Select(l => l["consumer: ate ".Length..]).ToList();
        Assert.Equal(10, made.Count);
        Assert.Equal(made, eaten);
    }
}
