using ConcurrencyLab.Engine.Demos.Signals;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Signals;

public class ConditionQueueDemoTests
{
    private static readonly Dictionary<string, string> Busy = new() { ["producers"] = "2", ["consumers"] = "3", ["items"] = "6", ["pause"] = "50" };

    [Fact]
    public async Task ConsumersNeverTakeFromAnEmptyQueueAndEveryItemIsTakenOnce()
    {
        var (status, events) = await RunHarness.RunAsync(new ConditionQueueDemo(), Busy);

        Assert.Equal(RunStatus.Completed, status);
        var marks = events.OfType<MarkEvent>().ToList();
        var inQueue = 0;
        foreach (var mark in marks)
        {
            if (mark.Label.StartsWith("put ", StringComparison.Ordinal))
            {
                inQueue++;
            }
            else if (mark.Label.StartsWith("take ", StringComparison.Ordinal))
            {
                Assert.True(inQueue > 0, $"{mark.Label} from an empty queue");
                inQueue--;
            }
        }

        var put = marks.Where(m => m.Label.StartsWith("put ", StringComparison.Ordinal)).Select(m => m.Label[4..]).ToList();
        var taken = marks.Where(m => m.Label.StartsWith("take ", StringComparison.Ordinal)).Select(m => m.Label[5..]).ToList();
        Assert.Equal(12, put.Count);
        Assert.Equal(put.Order(), taken.Order());
        Assert.Equal(12, taken.Distinct().Count());
        Assert.All(events.OfType<CounterEvent>().Where(c => c.Name == "queue length"), c => Assert.True(c.Value >= 0));
    }

    [Fact]
    public async Task EachPulseWakesTheConsumerItNames()
    {
        var (status, events) = await RunHarness.RunAsync(new ConditionQueueDemo(), Busy);

        Assert.Equal(RunStatus.Completed, status);
        var names = events.OfType<LaneEvent>().ToDictionary(l => l.Lane, l => l.Name);
        var pulses = events.OfType<MarkEvent>().Where(m => m.Link is not null).ToList();
        Assert.Contains(pulses, p => names[p.Lane].StartsWith('P'));
        Assert.Contains(events.OfType<StateEvent>(), s => s is { State: LaneState.Waiting, On: "queue not empty" });
        var wakes = events.OfType<OutputEvent>().Where(o => o.Text.Contains(" woken by ", StringComparison.Ordinal)).Select(o => o.Text).ToList();
        Assert.Equal(pulses.Select(p => $"{names[p.Link!.Value]} woken by {names[p.Lane]}").Order(), wakes.Order());
        Assert.DoesNotContain(events.OfType<OutputEvent>(), o => o.Text.Contains("no pulse named it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDefaultRunCompletes()
    {
        var (status, events) = await RunHarness.RunAsync(new ConditionQueueDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(12, events.OfType<MarkEvent>().Count(m => m.Label.StartsWith("take ", StringComparison.Ordinal)));
    }
}
